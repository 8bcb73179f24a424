package io.airbyte.connectors.source.postgres;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.airbyte.protocol.json.Jsons;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Set;

/**
 * The snapshot a stream's initial load began with (its first chunk), kept in the stream's state
 * until the slot has been read past it: the changes of transactions this snapshot already saw are
 * skipped when the slot replays them, every other change is applied. That makes the initial load
 * and the changes exact together, without a lock and whatever the slot's age. A transaction the
 * snapshot saw committed before {@code lsn} (read inside the snapshot), so past {@code lsn} the
 * filter skips nothing and is dropped.
 *
 * @param xmin the snapshot's xmin, a 64-bit transaction id (with epoch)
 * @param xmax the snapshot's xmax
 * @param inProgress the transactions running when the snapshot was taken (invisible to it)
 */
record SnapshotFilter(long xmin, long xmax, Set<Long> inProgress, long lsn) {

  private static final long EPOCH = 1L << 32;

  /** The snapshot of the current REPEATABLE READ transaction (which it fixes when it is its first statement). */
  static SnapshotFilter current(Connection connection) throws SQLException {
    try (PreparedStatement ps = connection.prepareStatement("SELECT pg_snapshot_xmin(s)::text::bigint,"
        + " pg_snapshot_xmax(s)::text::bigint, array(SELECT x::text::bigint FROM pg_snapshot_xip(s) x),"
        + " pg_current_wal_lsn() - '0/0'::pg_lsn FROM pg_current_snapshot() s");
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      Set<Long> xip = new HashSet<>();
      for (Object x : (Object[]) rs.getArray(3).getArray()) {
        xip.add(((Number) x).longValue());
      }
      return new SnapshotFilter(rs.getLong(1), rs.getLong(2), xip, rs.getBigDecimal(4).longValueExact());
    }
  }

  /** Whether the snapshot saw the transaction {@code xid} (32 bits, as pgoutput sends it) committed. */
  boolean saw(long xid) {
    long full = ((xmax >>> 32) << 32) | xid;
    if (full >= xmax + EPOCH / 2) {
      full -= EPOCH;
    } else if (full < xmax - EPOCH / 2) {
      full += EPOCH;
    }
    return full < xmin || (full < xmax && !inProgress.contains(full));
  }

  ObjectNode toJson() {
    ObjectNode json = Jsons.object().put("xmin", xmin).put("xmax", xmax).put("lsn", lsn);
    var xip = json.putArray("xip");
    inProgress.stream().sorted().forEach(xip::add);
    return json;
  }

  static SnapshotFilter fromJson(JsonNode json) {
    if (json == null || !json.has("xmax")) {
      return null;
    }
    Set<Long> xip = new HashSet<>();
    json.path("xip").forEach(x -> xip.add(x.asLong()));
    return new SnapshotFilter(json.get("xmin").asLong(), json.get("xmax").asLong(), xip, json.get("lsn").asLong());
  }
}
