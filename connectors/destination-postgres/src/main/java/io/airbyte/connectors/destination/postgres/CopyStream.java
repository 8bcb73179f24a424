package io.airbyte.connectors.destination.postgres;

import io.airbyte.connector.kit.rows.Bytes;
import io.airbyte.connector.kit.rows.RowFormat;
import io.airbyte.connector.kit.sql.Staging;
import java.sql.Connection;
import java.sql.SQLException;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;

/**
 * The staging of destination-postgres: the one COPY FROM STDIN in progress on the connection. Rows
 * are gathered in a buffer and sent in large chunks; switching to another table ends the current
 * COPY (the transaction stays open).
 */
final class CopyStream implements Staging {

  private static final int CHUNK_BYTES = 1 << 20;

  private final CopyManager copyManager;
  private final Bytes buffer = new Bytes(CHUNK_BYTES + (64 << 10));
  private CopyIn active;
  private String activeSql;

  CopyStream(Connection connection) throws SQLException {
    this.copyManager = connection.unwrap(PGConnection.class).getCopyAPI();
  }

  @Override
  public RowFormat format() {
    return CopyTextFormat.INSTANCE;
  }

  @Override
  public TableStage table(String table, String columns) {
    String copySql = "COPY " + table + " (" + columns + ") FROM STDIN";
    return new TableStage() {
      @Override
      public Bytes row() throws SQLException {
        return rowsFor(copySql);
      }

      @Override
      public void rowWritten() throws SQLException {
        if (buffer.length() >= CHUNK_BYTES) {
          send();
        }
      }
    };
  }

  /** The buffer rows of {@code copySql} go into; starts that COPY when it is not the active one. */
  private Bytes rowsFor(String copySql) throws SQLException {
    if (!copySql.equals(activeSql)) {
      endWrites();
      active = copyManager.copyIn(copySql);
      activeSql = copySql;
    }
    return buffer;
  }

  /** Ends the active COPY, if any: its rows are then part of the open transaction. */
  @Override
  public void endWrites() throws SQLException {
    if (active != null) {
      send();
      active.endCopy();
      active = null;
      activeSql = null;
    }
  }

  /** Abandons the active COPY (the transaction is about to be rolled back). */
  @Override
  public void discard() {
    if (active != null) {
      try {
        active.cancelCopy();
      } catch (SQLException e) {
        // the connection is being rolled back or closed anyway
      }
      active = null;
      activeSql = null;
    }
    buffer.clear();
  }

  private void send() throws SQLException {
    if (buffer.length() > 0) {
      active.writeToCopy(buffer.array(), 0, buffer.length());
      buffer.clear();
    }
  }
}
