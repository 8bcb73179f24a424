package io.airbyte.connectors.destination.postgres;

import io.airbyte.connector.kit.rows.Bytes;
import io.airbyte.connector.kit.rows.RowFormat;
import io.airbyte.connector.kit.sql.Staging;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;

/**
 * The staging of destination-postgres: COPY FROM STDIN, one at a time on the connection. Each table
 * stage (a table and its column list) gathers its rows in a buffer of its own, sent in large chunks:
 * the COPY in progress switches to another stage only when that stage's buffer is full (or all
 * buffers together hold {@link #PENDING_BYTES}), not whenever the rows of two stages alternate.
 * Ending the writes sends every buffer and ends the COPY (the transaction stays open).
 */
final class CopyStream implements Staging {

  private static final int CHUNK_BYTES = 1 << 20;
  private static final long PENDING_BYTES = 8L << 20;

  private final CopyManager copyManager;
  private final List<Stage> stages = new ArrayList<>();
  private CopyIn active;
  private Stage activeStage;
  private long pending;

  CopyStream(Connection connection) throws SQLException {
    this.copyManager = connection.unwrap(PGConnection.class).getCopyAPI();
  }

  @Override
  public RowFormat format() {
    return CopyTextFormat.INSTANCE;
  }

  @Override
  public TableStage table(String table, String columns) {
    Stage stage = new Stage("COPY " + table + " (" + columns + ") FROM STDIN");
    stages.add(stage);
    return stage;
  }

  /** Sends every buffer and ends the active COPY, if any: every row is then part of the open transaction. */
  @Override
  public void endWrites() throws SQLException {
    sendAll();
    endActive();
  }

  /** Sends every buffer, the active stage's first. */
  private void sendAll() throws SQLException {
    if (activeStage != null) {
      send(activeStage);
    }
    for (Stage stage : stages) {
      send(stage);
    }
  }

  /** Abandons the active COPY and the buffered rows (the transaction is about to be rolled back). */
  @Override
  public void discard() {
    if (active != null) {
      try {
        active.cancelCopy();
      } catch (SQLException e) {
        // the connection is being rolled back or closed anyway
      }
      active = null;
      activeStage = null;
    }
    for (Stage stage : stages) {
      stage.buffer.clear();
      stage.counted = 0;
    }
    pending = 0;
  }

  /** Sends the rows of {@code stage}, switching the COPY in progress to it when another one is. */
  private void send(Stage stage) throws SQLException {
    Bytes buffer = stage.buffer;
    if (buffer.length() == 0) {
      return;
    }
    if (activeStage != stage) {
      endActive();
      active = copyManager.copyIn(stage.copySql);
      activeStage = stage;
    }
    active.writeToCopy(buffer.array(), 0, buffer.length());
    pending -= buffer.length();
    buffer.clear();
    stage.counted = 0;
  }

  private void endActive() throws SQLException {
    if (active != null) {
      active.endCopy();
      active = null;
      activeStage = null;
    }
  }

  /** The rows of one table and column list. */
  private final class Stage implements TableStage {

    private final String copySql;
    private final Bytes buffer = new Bytes(64 << 10);
    private int counted; // of the buffer's bytes, those already in pending

    private Stage(String copySql) {
      this.copySql = copySql;
    }

    @Override
    public Bytes row() {
      return buffer;
    }

    @Override
    public void rowWritten() throws SQLException {
      pending += buffer.length() - counted;
      counted = buffer.length();
      if (buffer.length() >= CHUNK_BYTES) {
        send(this);
      }
      if (pending >= PENDING_BYTES) {
        sendAll();
      }
    }
  }
}
