package io.airbyte.connectors.source.postgres;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.airbyte.protocol.json.Jsons;
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
    return resumable(ctx.previousState(), ctx.syncId(), anySync, ctx.table());
  }

  /** The state a full refresh resumes from: one of this sync (or, {@code anySync}, of any), else null. */
  static JsonNode resumable(JsonNode previous, Long syncId, boolean anySync, TableInfo table) {
    if (previous == null || !previous.has("state_type")) {
      return null;
    }
    Long previousSync = previous.hasNonNull("sync_id") ? previous.get("sync_id").asLong() : null;
    if (!anySync && !Objects.equals(previousSync, syncId)) {
      LOG.info(table.name() + ": the state is from another sync: reading the whole table");
      return null;
    }
    return previous;
  }

  private boolean readCtidRanges(JsonNode previous) throws SQLException {
    long pages = CtidRanges.relationPages(ctx.connection(), ctx.table());
    CtidRanges ranges = CtidRanges.resume(previous);
    if (ranges.started()) {
      LOG.info(ctx.table().name() + ": resuming at page " + ranges.page() + " of " + pages);
    }
    String select = "SELECT " + ctx.selectList() + " FROM " + ctx.table().qualifiedName() + " WHERE ";
    for (CtidRanges.Range range : ranges.todo(pages, CtidRanges.pagesPerRange(ctx.table(), pages, ctx.chunkRows()))) {
      ctx.stream(select + range.where(), row -> ctx.progress().record(row));
      ranges.finish(range);
      if (ranges.complete()) {
        break;
      }
      ctx.progress().state(ranges.writeTo(state("ctid")));
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

  private ObjectNode state(String type) {
    return state(ctx.table(), ctx.syncId(), type);
  }

  /** A full refresh state of {@code table}, of the given type, without its position. */
  static ObjectNode state(TableInfo table, Long syncId, String type) {
    ObjectNode state = Jsons.object();
    state.put("version", 2);
    state.put("state_type", type);
    state.put("stream_name", table.name());
    state.put("stream_namespace", table.schema());
    if (syncId != null) {
      state.put("sync_id", syncId);
    }
    return state;
  }

  static ObjectNode done(ObjectNode state) {
    return state.put("done", true);
  }
}
