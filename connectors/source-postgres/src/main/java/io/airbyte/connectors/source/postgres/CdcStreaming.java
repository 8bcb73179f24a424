package io.airbyte.connectors.source.postgres;

import io.airbyte.connector.kit.ConfigErrorException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * The changes phase of a CDC read: streams the slot from the state's position until it has caught
 * up with the position current at the start, then ends. "Current at the start" is a logical
 * decoding message this read writes first ({@code pg_logical_emit_message}); when the slot hands it
 * back, every transaction that committed before it has been read. So a sync never waits out a
 * timeout on a busy database, and on a quiet one the position still moves (the message is WAL of
 * this database). A GLOBAL state follows a commit once enough records or time have passed since the
 * previous one, and at the end.
 */
final class CdcStreaming implements PgOutputDecoder.Handler {

  static final String MARKER_PREFIX = "airbyte";
  private static final Logger LOG = Logger.getLogger(CdcStreaming.class.getName());
  private static final int STATE_RECORDS = 10_000;
  private static final long STATE_MILLIS = 10_000;
  private static final long HEARTBEAT_MILLIS = 30_000;

  private final PostgresSourceConfig config;
  private final Connection connection;
  private final CdcState state;
  private final Map<String, CdcStreamChanges> byTable;
  private final Clock clock;
  private final PgOutputDecoder decoder = new PgOutputDecoder();
  private final Map<Integer, CdcStreamChanges> byRelation = new HashMap<>();
  private ReplicationReader reader;
  private long position;
  private long target;
  private boolean caughtUp;
  private long xid;
  private long commitLsn;
  private String committedAt;
  private long recordsSinceState;
  private long lastState;
  private long changes;
  private long skipped;
  private long truncates;

  /** @param byTable the streams read by CDC, by {@link ReplicationSetup#key} */
  CdcStreaming(PostgresSourceConfig config, Connection connection, CdcState state, Map<String, CdcStreamChanges> byTable,
      Clock clock) {
    this.config = config;
    this.connection = connection;
    this.state = state;
    this.byTable = byTable;
    this.clock = clock;
  }

  /** Reads the changes from the state's position; the last state emitted holds the position reached. */
  void run() throws SQLException, InterruptedException {
    CdcConfig cdc = config.cdc();
    position = state.lsn();
    heartbeat(true);
    String marker = UUID.randomUUID().toString();
    target = emitMarker(marker);
    LOG.info("reading slot '" + cdc.slot() + "' from " + lsnText(position) + " up to " + lsnText(target));
    long started = clock.millis();
    lastState = started;
    long lastMessage = started;
    long lastHeartbeat = started;
    try (ReplicationReader replication = ReplicationReader.start(config, cdc.slot(), cdc.publication(), position,
        cdc.queueSize())) {
      reader = replication;
      while (!caughtUp) {
        ByteBuffer message = replication.poll(500);
        long now = clock.millis();
        if (message == null) {
          if (now - lastMessage > cdc.initialWaiting().toMillis()) {
            LOG.warning("no message from slot '" + cdc.slot() + "' for " + cdc.initialWaiting().toSeconds()
                + " s (initial_waiting_seconds): ending the read at " + lsnText(position));
            break;
          }
        } else {
          lastMessage = now;
          decoder.decode(message, this);
        }
        if (now - lastHeartbeat > HEARTBEAT_MILLIS) {
          heartbeat(false);
          lastHeartbeat = now;
        }
      }
      dropPassedFilters();
      emitState();
    }
    LOG.info("slot '" + cdc.slot() + "': " + changes + " changes read up to " + lsnText(position) + " in "
        + (clock.millis() - started) + " ms; " + skipped + " already in the initial load, " + truncates
        + " truncates ignored");
    for (CdcStreamChanges stream : byTable.values()) {
      if (stream.toastLookups() > 0) {
        LOG.info(stream.stream.getName() + ": " + stream.toastLookups() + " unchanged TOASTed values read from the table"
            + " (REPLICA IDENTITY FULL sends them with the change)");
      }
    }
  }

  /** A stream loaded and read past its load's snapshot no longer needs the snapshot's filter. */
  private void dropPassedFilters() {
    for (CdcStreamChanges stream : byTable.values()) {
      var streamState = state.get(stream.stream);
      SnapshotFilter filter = stream.filter();
      if (filter != null && streamState != null && streamState.path("done").asBoolean(false) && filter.lsn() <= position) {
        streamState.remove("cdc_snapshot");
        stream.dropFilter();
      }
    }
  }

  private long emitMarker(String content) throws SQLException {
    try (PreparedStatement ps = connection.prepareStatement(
        "SELECT pg_logical_emit_message(false, ?, ?) - '0/0'::pg_lsn")) {
      ps.setString(1, MARKER_PREFIX);
      ps.setString(2, content);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getBigDecimal(1).longValueExact();
      }
    }
  }

  private void heartbeat(boolean first) throws SQLException {
    String query = config.cdc().heartbeatQuery();
    if (query.isEmpty()) {
      return;
    }
    try (Statement s = connection.createStatement()) {
      s.execute(query);
    } catch (SQLException e) {
      if (first) {
        throw new ConfigErrorException("replication_method.heartbeat_action_query failed: " + e.getMessage(), e);
      }
      LOG.warning("heartbeat_action_query failed: " + e.getMessage());
    }
  }

  @Override
  public void begin(long finalLsn, long commitMicros, long xid) {
    this.xid = xid;
    this.commitLsn = finalLsn;
    this.committedAt = CdcFields.timestamp(commitMicros);
  }

  @Override
  public void commit(long commitLsn, long endLsn, long commitMicros) {
    position = Math.max(position, endLsn);
    if (recordsSinceState >= STATE_RECORDS || (recordsSinceState > 0 && clock.millis() - lastState >= STATE_MILLIS)) {
      emitState();
    }
  }

  private void emitState() {
    state.lsn(position);
    state.emit(recordsSinceState);
    recordsSinceState = 0;
    lastState = clock.millis();
    if (!config.cdc().commitAfterLoad()) {
      reader.confirm(position); // "While reading Data": the slot moves on before the destination committed
    }
  }

  @Override
  public void relation(PgOutputDecoder.Relation relation) {
    CdcStreamChanges stream = byTable.get(ReplicationSetup.key(relation.namespace(), relation.name()));
    if (stream == null) {
      byRelation.remove(relation.id());
      return;
    }
    stream.relation(relation);
    byRelation.put(relation.id(), stream);
  }

  @Override
  public void insert(int relationId, PgOutputDecoder.Tuple row) {
    change(relationId, row, null, false);
  }

  @Override
  public void update(int relationId, PgOutputDecoder.Tuple old, boolean oldIsKey, PgOutputDecoder.Tuple row) {
    if (old != null && oldIsKey) {
      change(relationId, old, null, true); // the key changed: the old key is deleted
      old = null;
    }
    change(relationId, row, old, false);
  }

  @Override
  public void delete(int relationId, PgOutputDecoder.Tuple old, boolean oldIsKey) {
    change(relationId, old, null, true);
  }

  private void change(int relationId, PgOutputDecoder.Tuple row, PgOutputDecoder.Tuple old, boolean deleted) {
    CdcStreamChanges stream = byRelation.get(relationId);
    if (stream == null) {
      return;
    }
    changes++;
    if (stream.alreadyLoaded(xid)) {
      skipped++;
      return;
    }
    try {
      stream.emit(row, old, commitLsn, committedAt, deleted);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read an unchanged TOASTed value of " + stream.stream.getName() + ": "
          + e.getMessage(), e);
    }
    recordsSinceState++;
  }

  @Override
  public void truncate(int[] relationIds) {
    for (int id : relationIds) {
      CdcStreamChanges stream = byRelation.get(id);
      if (stream != null) {
        truncates++;
        LOG.warning(stream.stream.getName() + " was truncated at " + lsnText(commitLsn) + ": TRUNCATE is not"
            + " replicated (its rows stay in the destination)");
      }
    }
  }

  @Override
  public void message(boolean transactional, long lsn, String prefix, byte[] content) {
    if (!transactional && MARKER_PREFIX.equals(prefix) && lsn >= target) {
      LOG.fine("caught up: " + new String(content, StandardCharsets.UTF_8));
      position = Math.max(position, lsn);
      caughtUp = true;
    }
  }

  static String lsnText(long lsn) {
    return Long.toHexString(lsn >>> 32).toUpperCase() + "/" + Long.toHexString(lsn & 0xFFFFFFFFL).toUpperCase();
  }
}
