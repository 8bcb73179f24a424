package io.airbyte.connectors.source.postgres;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.airbyte.protocol.json.Jsons;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.logging.Logger;

/**
 * Full refresh, resumable: a table is read in ctid page ranges (a TID range scan, PostgreSQL 14+),
 * else in primary-key ranges (keyset), with a STATE after each range, in one REPEATABLE READ
 * snapshot. A failed attempt given the last state resumes after the last range it finished. A
 * state is only resumed within the same sync ({@code sync_id}): a new sync reads everything again.
 * Views and tables without either are read in one pass.
 */
final class FullRefreshRead {

  private static final Logger LOG = Logger.getLogger(FullRefreshRead.class.getName());

  private final ReadContext ctx;
  private final boolean tidRangeScan;
  private final boolean anySync;
  private final BooleanSupplier stop;

  FullRefreshRead(ReadContext ctx, boolean tidRangeScan) {
    this(ctx, tidRangeScan, false, () -> false);
  }

  /**
   * @param anySync resume a state of any earlier sync (CDC's initial load), not only of this one
   * @param stop asked after each range: true ends the read there (its state says where to go on)
   */
  FullRefreshRead(ReadContext ctx, boolean tidRangeScan, boolean anySync, BooleanSupplier stop) {
    this.ctx = ctx;
    this.tidRangeScan = tidRangeScan;
    this.anySync = anySync;
    this.stop = stop;
  }

  static boolean resumable(TableInfo table, boolean tidRangeScan) {
    return (table.hasCtid() && tidRangeScan) || !table.primaryKey().isEmpty();
  }

  /** Reads the table (from where the state says); false when {@code stop} ended it before the end. */
  boolean read() throws SQLException {
    SnapshotXids.inProgress(ctx.connection()); // fixes the snapshot: one consistent view of the table
    JsonNode previous = resumableState();
    if (previous != null && previous.path("done").asBoolean(false)) {
      LOG.info(ctx.table().name() + " was read completely by an earlier attempt of this sync");
      ctx.progress().state((ObjectNode) previous);
      return true;
    }
    if (ctx.table().hasCtid() && tidRangeScan) {
      return readCtidRanges(previous);
    } else if (!ctx.table().primaryKey().isEmpty()) {
      return readKeyRanges(previous);
    }
    ctx.stream("SELECT " + ctx.selectList() + " FROM " + ctx.table().qualifiedName(), row -> ctx.progress().record(row));
    ctx.progress().state(done(state("full_refresh")));
    return true;
  }

  private JsonNode resumableState() {
    JsonNode previous = ctx.previousState();
    if (previous == null || !previous.has("state_type")) {
      return null;
    }
    Long syncId = previous.hasNonNull("sync_id") ? previous.get("sync_id").asLong() : null;
    if (!anySync && !Objects.equals(syncId, ctx.syncId())) {
      LOG.info(ctx.table().name() + ": the state is from another sync: reading the whole table");
      return null;
    }
    return previous;
  }

  private boolean readCtidRanges(JsonNode previous) throws SQLException {
    long pages = relationPages();
    long pagesPerRange = pagesPerRange(pages);
    long start = previous != null && "ctid".equals(previous.path("state_type").asText()) ? previous.path("page").asLong(0) : 0;
    if (start > 0) {
      LOG.info(ctx.table().name() + ": resuming at page " + start + " of " + pages);
    }
    String select = "SELECT " + ctx.selectList() + " FROM " + ctx.table().qualifiedName() + " WHERE ctid >= ";
    for (long page = start; ; page += pagesPerRange) {
      long to = page + pagesPerRange;
      boolean last = to >= pages;
      ctx.stream(select + "'(" + page + ",0)'::tid" + (last ? "" : " AND ctid < '(" + to + ",0)'::tid"),
          row -> ctx.progress().record(row));
      if (last) {
        break;
      }
      ctx.progress().state(state("ctid").put("page", to));
      if (stop.getAsBoolean()) {
        return false;
      }
    }
    ctx.progress().state(done(state("ctid")));
    return true;
  }

  private boolean readKeyRanges(JsonNode previous) throws SQLException {
    List<TableInfo.ColumnInfo> key = ctx.table().primaryKey().stream().map(k -> ctx.table().column(k)).toList();
    String keyList = String.join(", ", key.stream().map(k -> "t." + Sql.quote(k.name())).toList());
    String keyText = String.join(", ", key.stream().map(k -> "t." + Sql.quote(k.name()) + "::text AS _airbyte_pk_" + key.indexOf(k)).toList());
    List<String> after = new ArrayList<>();
    if (previous != null && "primary_key".equals(previous.path("state_type").asText())) {
      previous.path("pk_vals").forEach(v -> after.add(v.asText()));
      LOG.info(ctx.table().name() + ": resuming after primary key " + after);
    }
    int first = ctx.columns().size();
    while (true) {
      List<String> bound = new ArrayList<>();
      for (int i = 0; i < key.size(); i++) {
        bound.add(Sql.typed(after.isEmpty() ? "" : after.get(i), key.get(i).type().sqlName()));
      }
      String sql = "SELECT " + ctx.selectList() + ", " + keyText + " FROM " + ctx.table().qualifiedName() + " t"
          + (after.isEmpty() ? "" : " WHERE (" + keyList + ") > (" + String.join(", ", bound) + ")")
          + " ORDER BY " + keyList + " LIMIT " + ctx.chunkRows();
      long rows = ctx.stream(sql, row -> {
        ctx.progress().record(row);
        after.clear();
        for (int i = 0; i < key.size(); i++) {
          after.add(row.string(first + i));
        }
      });
      if (rows < ctx.chunkRows()) {
        break;
      }
      ObjectNode state = state("primary_key");
      ArrayNode names = state.putArray("pk_names");
      key.forEach(k -> names.add(k.name()));
      ArrayNode values = state.putArray("pk_vals");
      after.forEach(values::add);
      ctx.progress().state(state);
      if (stop.getAsBoolean()) {
        return false;
      }
    }
    ctx.progress().state(done(state("primary_key")));
    return true;
  }

  private long relationPages() throws SQLException {
    try (PreparedStatement ps = ctx.connection().prepareStatement(
        "SELECT pg_relation_size(?::regclass) / current_setting('block_size')::bigint")) {
      ps.setString(1, ctx.table().qualifiedName());
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  /** Pages holding about {@code chunkRows} rows, by the table's statistics (1000 pages when it has none). */
  private long pagesPerRange(long pages) {
    long rows = ctx.table().estimatedRows();
    if (rows <= 0 || pages <= 0) {
      return 1000;
    }
    return Math.max(1, pages * ctx.chunkRows() / rows);
  }

  private ObjectNode state(String type) {
    ObjectNode state = Jsons.object();
    state.put("version", 2);
    state.put("state_type", type);
    state.put("stream_name", ctx.table().name());
    state.put("stream_namespace", ctx.table().schema());
    if (ctx.syncId() != null) {
      state.put("sync_id", ctx.syncId());
    }
    return state;
  }

  private static ObjectNode done(ObjectNode state) {
    return state.put("done", true);
  }
}
