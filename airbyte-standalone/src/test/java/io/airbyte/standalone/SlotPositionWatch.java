package io.airbyte.standalone;

import io.airbyte.testsupport.postgres.PostgresTestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Watches, while jobs of a CDC connection run, that a replication slot's confirmed position never
 * passes the position of the connection's committed state: every 50 ms it reads the slot's
 * {@code confirmed_flush_lsn} from {@code pg_replication_slots}, then {@code shared_state.lsn} of the
 * connection's GLOBAL state from the platform's metadata database. The committed state only moves
 * forward, so reading it second never makes a sample look wrong that was right.
 */
final class SlotPositionWatch implements AutoCloseable {

  private final PostgresTestDatabase source;
  private final String slot;
  private final MetadataPostmaster metadata;
  private final String connectionId;
  private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
  private final List<String> violations = Collections.synchronizedList(new ArrayList<>());
  private volatile long samples;
  /** Used by the sampler thread only (and by {@link #close} once it ended). */
  private Connection sourceConnection;
  private Connection metadataConnection;
  private volatile long lastConfirmed = -1;

  private SlotPositionWatch(PostgresTestDatabase source, String slot, MetadataPostmaster metadata, String connectionId) {
    this.source = source;
    this.slot = slot;
    this.metadata = metadata;
    this.connectionId = connectionId;
  }

  static SlotPositionWatch start(PostgresTestDatabase source, String slot, MetadataPostmaster metadata, String connectionId) {
    SlotPositionWatch watch = new SlotPositionWatch(source, slot, metadata, connectionId);
    watch.sampler.scheduleWithFixedDelay(watch::sample, 0, 50, TimeUnit.MILLISECONDS);
    return watch;
  }

  private void sample() {
    try {
      if (sourceConnection == null) {
        sourceConnection = source.connection();
        metadataConnection = metadata.connect();
      }
      long confirmed = confirmedFlushLsn(sourceConnection, slot);
      Long committed = committedLsn(metadataConnection, connectionId);
      samples++;
      lastConfirmed = confirmed;
      if (committed == null || confirmed > committed) {
        violations.add("slot " + slot + " confirmed " + lsn(confirmed) + " while the committed state is at "
            + (committed == null ? "no GLOBAL state" : lsn(committed)));
      }
    } catch (SQLException e) {
      violations.add("a sample failed: " + e);
      closeConnections();
    }
  }

  private void closeConnections() {
    for (Connection c : new Connection[] {sourceConnection, metadataConnection}) {
      try {
        if (c != null) {
          c.close();
        }
      } catch (SQLException ignored) {
        // closing a broken connection
      }
    }
    sourceConnection = null;
    metadataConnection = null;
  }

  /** The slot's {@code confirmed_flush_lsn} as a number. */
  static long confirmedFlushLsn(Connection c, String slot) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT (confirmed_flush_lsn - '0/0'::pg_lsn)::bigint FROM pg_replication_slots WHERE slot_name = ?")) {
      ps.setString(1, slot);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw new SQLException("no replication slot " + slot);
        }
        return rs.getLong(1);
      }
    }
  }

  /** {@code shared_state.lsn} of the connection's committed GLOBAL state, or null when it has none. */
  static Long committedLsn(Connection metadata, String connectionId) throws SQLException {
    try (PreparedStatement ps = metadata.prepareStatement("SELECT (state->'global'->'shared_state'->>'lsn')::bigint"
        + " FROM state WHERE connection_id = ?::uuid AND state_type = 'GLOBAL'")) {
      ps.setString(1, connectionId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? (Long) rs.getObject(1, Long.class) : null;
      }
    }
  }

  /** A position as PostgreSQL writes it ({@code 16/B374D848}). */
  static String lsn(long position) {
    return Long.toHexString(position >>> 32).toUpperCase() + "/" + Long.toHexString(position & 0xFFFFFFFFL).toUpperCase();
  }

  long samples() {
    return samples;
  }

  long lastConfirmed() {
    return lastConfirmed;
  }

  /** The samples where the slot was ahead of the committed state (or could not be taken). */
  List<String> violations() {
    synchronized (violations) {
      return List.copyOf(violations);
    }
  }

  @Override
  public void close() throws InterruptedException {
    sampler.shutdown();
    if (!sampler.awaitTermination(10, TimeUnit.SECONDS)) {
      sampler.shutdownNow();
      sampler.awaitTermination(10, TimeUnit.SECONDS);
    }
    closeConnections(); // the sampler has ended
  }
}
