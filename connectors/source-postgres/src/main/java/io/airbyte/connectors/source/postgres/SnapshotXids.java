package io.airbyte.connectors.source.postgres;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

/**
 * The writer transactions still in progress when a read's snapshot was taken. Their rows are
 * invisible to the read, yet may carry cursor values below the highest one read; the next
 * incremental read fetches the rows of those that committed (by {@code xmin}), so they are not lost.
 */
final class SnapshotXids {

  static final int MAX_TRACKED = 10_000;
  private static final Logger LOG = Logger.getLogger(SnapshotXids.class.getName());

  private SnapshotXids() {}

  /**
   * Must be the first statement of a REPEATABLE READ transaction: it fixes the transaction's snapshot
   * and returns its in-progress transaction ids (64-bit, with epoch).
   */
  static List<Long> inProgress(Connection connection) throws SQLException {
    List<Long> xids = new ArrayList<>();
    try (PreparedStatement ps = connection.prepareStatement("SELECT txid_snapshot_xip(txid_current_snapshot())");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        xids.add(rs.getLong(1));
      }
    }
    if (xids.size() > MAX_TRACKED) {
      LOG.warning(xids.size() + " transactions were writing when the read started; only " + MAX_TRACKED
          + " are tracked for late commits");
      return new ArrayList<>(xids.subList(0, MAX_TRACKED));
    }
    return xids;
  }

  /**
   * Of the given transaction ids, those that committed (or whose status is no longer known), as the
   * 32-bit xids rows carry in {@code xmin}. Call it after {@link #inProgress} in the same
   * transaction: one still running is then in the new snapshot's list and is tracked again.
   */
  static List<Long> committedXmins(Connection connection, List<Long> xids) throws SQLException {
    List<Long> committed = new ArrayList<>();
    if (xids.isEmpty()) {
      return committed;
    }
    Savepoint savepoint = connection.setSavepoint();
    try {
      committed.addAll(committed(connection, xids));
      connection.releaseSavepoint(savepoint);
    } catch (SQLException e) {
      // e.g. ids "in the future" after a restore: read the rows of all of them again (duplicates, no loss)
      connection.rollback(savepoint);
      LOG.warning("cannot tell which earlier transactions committed (" + e.getMessage() + "): reading all of them");
      xids.forEach(x -> committed.add(x % 4294967296L));
    }
    return committed;
  }

  private static List<Long> committed(Connection connection, List<Long> xids) throws SQLException {
    List<Long> committed = new ArrayList<>();
    Array array = connection.createArrayOf("int8", xids.toArray());
    try (PreparedStatement ps = connection.prepareStatement(
        "SELECT x % 4294967296 FROM unnest(?::bigint[]) x WHERE txid_status(x) IS DISTINCT FROM 'aborted'"
            + " AND txid_status(x) IS DISTINCT FROM 'in progress'")) {
      ps.setArray(1, array);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          committed.add(rs.getLong(1));
        }
      }
    }
    return committed;
  }
}
