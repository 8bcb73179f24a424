package io.airbyte.connectors.source.postgres;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The page ranges of a table read by ctid, and which of them are done: what a {@code ctid} state
 * says. {@code page} is the page below which everything was read; {@code ranges_done} lists the
 * ranges above it that were read too (ranges read at once finish in any order), each as
 * {@code [from, to]}, {@code to} null for the end of the table. Thread-safe.
 */
final class CtidRanges {

  /** Pages {@code [from, to)} of the table; {@code to} is {@link Long#MAX_VALUE} for the end of the table. */
  record Range(long from, long to) {

    static final long END = Long.MAX_VALUE;

    /** The query's condition on ctid. */
    String where() {
      return "ctid >= '(" + from + ",0)'::tid" + (to == END ? "" : " AND ctid < '(" + to + ",0)'::tid");
    }
  }

  private final TreeMap<Long, Long> done = new TreeMap<>();
  private long page;

  private CtidRanges(long page) {
    this.page = page;
  }

  /** The ranges a {@code ctid} state says were read; none for any other state (or none). */
  static CtidRanges resume(JsonNode previous) {
    if (previous == null || !"ctid".equals(previous.path("state_type").asText())) {
      return new CtidRanges(0);
    }
    CtidRanges ranges = new CtidRanges(previous.path("page").asLong(0));
    for (JsonNode range : previous.path("ranges_done")) {
      JsonNode to = range.path(1);
      ranges.finish(new Range(range.path(0).asLong(), to.isNumber() ? to.asLong() : Range.END));
    }
    return ranges;
  }

  /** The table's size in pages now. */
  static long relationPages(Connection connection, TableInfo table) throws SQLException {
    try (PreparedStatement ps = connection.prepareStatement(
        "SELECT pg_relation_size(?::regclass) / current_setting('block_size')::bigint")) {
      ps.setString(1, table.qualifiedName());
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  /** Pages holding about {@code rows} rows, by the table's statistics (1000 pages when it has none). */
  static long pagesPerRange(TableInfo table, long pages, long rows) {
    long estimated = table.estimatedRows();
    if (estimated <= 0 || pages <= 0) {
      return 1000;
    }
    return Math.max(1, pages * rows / estimated);
  }

  /** Whether an earlier attempt read part of the table. */
  synchronized boolean started() {
    return page > 0 || !done.isEmpty();
  }

  synchronized long page() {
    return page;
  }

  /**
   * The ranges still to read, in page order, of at most {@code rangePages} pages of a table of
   * {@code pages} pages; the last one runs to the end of the table, whatever it has grown to.
   */
  synchronized List<Range> todo(long pages, long rangePages) {
    List<Range> todo = new ArrayList<>();
    long from = page;
    for (Map.Entry<Long, Long> range : done.entrySet()) {
      split(from, range.getKey(), rangePages, todo);
      from = range.getValue();
    }
    if (from == Range.END) {
      return todo;
    }
    int tail = todo.size();
    split(from, pages, rangePages, todo);
    long last = todo.size() == tail ? from : todo.remove(todo.size() - 1).from();
    todo.add(new Range(last, Range.END));
    return todo;
  }

  private static void split(long from, long to, long rangePages, List<Range> into) {
    for (long start = from; start < to; start += rangePages) {
      into.add(new Range(start, Math.min(to, start + rangePages)));
    }
  }

  /** Marks a range as read. */
  synchronized void finish(Range range) {
    long from = range.from();
    long to = range.to();
    Map.Entry<Long, Long> before = done.floorEntry(from);
    if (before != null && before.getValue() >= from) {
      from = before.getKey();
      to = Math.max(to, before.getValue());
      done.remove(before.getKey());
    }
    for (Map.Entry<Long, Long> after = done.ceilingEntry(from); after != null && after.getKey() <= to;
        after = done.ceilingEntry(from)) {
      to = Math.max(to, after.getValue());
      done.remove(after.getKey());
    }
    if (from <= page) {
      page = Math.max(page, to);
    } else {
      done.put(from, to);
    }
  }

  /** Whether the whole table was read. */
  synchronized boolean complete() {
    return page == Range.END;
  }

  /** Puts {@code page} and (when ranges above it were read) {@code ranges_done} into a state. */
  synchronized ObjectNode writeTo(ObjectNode state) {
    state.put("page", page);
    if (!done.isEmpty()) {
      ArrayNode ranges = state.putArray("ranges_done");
      done.forEach((from, to) -> {
        ArrayNode range = ranges.addArray().add(from);
        if (to == Range.END) {
          range.addNull();
        } else {
          range.add(to);
        }
      });
    }
    return state;
  }
}
