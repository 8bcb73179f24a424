package io.airbyte.connectors.source.postgres;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.airbyte.connector.kit.ConfigErrorException;
import io.airbyte.protocol.json.Jsons;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Incremental read with a user-chosen cursor, in one REPEATABLE READ snapshot.
 *
 * <p>No row at the boundary is lost: rows are read with {@code cursor >= last} (inclusive, so rows
 * sharing the last value, or committed later with that value, are read again — at most those rows
 * come back when nothing changed). Rows committed late with a lower value are caught too: the
 * state keeps the writer transactions in progress at the snapshot ({@link SnapshotXids}); the next
 * read first fetches the rows of those that committed ({@code xmin} = one of them, cursor below
 * the last value), then everything from the last value on. States come every {@code chunkRows}
 * rows, with the cursor of the last row read, so a failed read resumes where it stopped.
 * Rows whose cursor is NULL are not read incrementally (a full refresh reads them).
 */
final class IncrementalRead {

  private static final Logger LOG = Logger.getLogger(IncrementalRead.class.getName());

  private final ReadContext ctx;
  private final TableInfo.ColumnInfo cursor;
  private String lastCursor;
  private long lastCursorCount;

  IncrementalRead(ReadContext ctx, String cursorField) {
    this.ctx = ctx;
    this.cursor = ctx.table().column(cursorField);
    if (cursor == null) {
      throw new ConfigErrorException("cursor field '" + cursorField + "' is not a column of " + ctx.table().schema()
          + "." + ctx.table().name());
    }
  }

  void read() throws SQLException {
    JsonNode previous = ctx.previousState();
    boolean sameCursor = previous != null && previous.path("cursor_field").path(0).asText("").equals(cursor.name());
    if (previous != null && !sameCursor) {
      LOG.info(ctx.table().name() + ": the cursor changed to '" + cursor.name() + "': reading from the beginning");
    }
    lastCursor = sameCursor && previous.hasNonNull("cursor") ? previous.get("cursor").asText() : null;
    List<Long> pending = new ArrayList<>();
    if (sameCursor) {
      previous.path("pending_xids").forEach(x -> pending.add(x.asLong()));
    }

    List<Long> inProgress = SnapshotXids.inProgress(ctx.connection());
    String column = "t." + Sql.quote(cursor.name());
    String select = "SELECT " + ctx.selectList() + ", " + column + "::text AS _airbyte_cursor FROM "
        + ctx.table().qualifiedName() + " t";
    int cursorField = ctx.columns().size();

    List<Long> committedLate = SnapshotXids.committedXmins(ctx.connection(), pending);
    if (!committedLate.isEmpty() && lastCursor != null) {
      String xmins = committedLate.stream().map(String::valueOf).collect(Collectors.joining(","));
      long late = ctx.stream(select + " WHERE t.xmin::text::bigint IN (" + xmins + ") AND " + column + " < "
          + Sql.typed(lastCursor, cursor.type().sqlName()) + " ORDER BY " + column, row -> ctx.progress().record(row));
      if (late > 0) {
        LOG.info(ctx.table().name() + ": " + late + " rows committed after the previous read with older cursor values");
      }
    }

    String where = lastCursor == null ? " IS NOT NULL" : " >= " + Sql.typed(lastCursor, cursor.type().sqlName());
    ctx.stream(select + " WHERE " + column + where + " ORDER BY " + column, row -> {
      ctx.progress().record(row);
      track(row.string(cursorField));
      if (ctx.progress().sinceState() >= ctx.chunkRows()) {
        ctx.progress().state(state(inProgress));
      }
    });
    ctx.progress().state(state(inProgress));
  }

  private void track(String value) {
    if (Objects.equals(value, lastCursor)) {
      lastCursorCount++;
    } else {
      lastCursor = value;
      lastCursorCount = 1;
    }
  }

  private ObjectNode state(List<Long> inProgress) {
    ObjectNode state = Jsons.object();
    state.put("version", 2);
    state.put("state_type", "cursor_based");
    state.put("stream_name", ctx.table().name());
    state.put("stream_namespace", ctx.table().schema());
    state.putArray("cursor_field").add(cursor.name());
    state.put("cursor", lastCursor);
    state.put("cursor_record_count", lastCursorCount);
    ArrayNode pending = state.putArray("pending_xids");
    inProgress.forEach(pending::add);
    return state;
  }
}
