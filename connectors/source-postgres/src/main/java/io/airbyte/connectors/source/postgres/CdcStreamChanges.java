package io.airbyte.connectors.source.postgres;

import io.airbyte.protocol.rows.CopyTextRow;
import io.airbyte.connector.kit.Emitter;
import io.airbyte.protocol.models.AirbyteStreamStatus;
import io.airbyte.protocol.models.StreamDescriptor;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.logging.Logger;

/**
 * Turns the changes of one table, as the slot sends them, into the records of its stream: the
 * selected columns (by name, so added and dropped columns are followed), the CDC metadata, and for
 * an unchanged TOASTed value (which the slot does not send) the old row's value (REPLICA IDENTITY
 * FULL) or else the value the table holds now, read by key. The row goes through the same text
 * conversions as the initial load's.
 */
final class CdcStreamChanges {

  private static final Logger LOG = Logger.getLogger(CdcStreamChanges.class.getName());

  final StreamDescriptor stream;
  private final TableInfo table;
  private final List<TableInfo.ColumnInfo> columns;
  private final Emitter output;
  private final Connection connection;
  private final CdcFields fields = new CdcFields();
  private final RowWriter writer;
  private final CopyTextRow row = new CopyTextRow();
  private final ByteArrayOutputStream line = new ByteArrayOutputStream(256);
  private SnapshotFilter filter;
  private int[] positions = new int[0];
  private PgOutputDecoder.Relation relation;
  private long records;
  private long toastLookups;

  CdcStreamChanges(StreamDescriptor stream, TableInfo table, List<TableInfo.ColumnInfo> columns, SnapshotFilter filter,
      Emitter output, Connection connection) {
    this.stream = stream;
    this.table = table;
    this.columns = columns;
    this.filter = filter;
    this.output = output;
    this.connection = connection;
    this.writer = new RowWriter(columns, fields);
  }

  /** A Relation message for this table: where each selected column is in the rows that follow. */
  void relation(PgOutputDecoder.Relation relation) {
    this.relation = relation;
    positions = new int[columns.size()];
    for (int i = 0; i < columns.size(); i++) {
      positions[i] = -1;
      for (int r = 0; r < relation.columns().size(); r++) {
        if (relation.columns().get(r).name().equals(columns.get(i).name())) {
          positions[i] = r;
        }
      }
    }
  }

  /** Whether the change of transaction {@code xid} is already in the initial load (so is skipped). */
  boolean alreadyLoaded(long xid) {
    return filter != null && filter.saw(xid);
  }

  SnapshotFilter filter() {
    return filter;
  }

  void dropFilter() {
    filter = null;
  }

  long records() {
    return records;
  }

  long toastLookups() {
    return toastLookups;
  }

  /**
   * Emits one record.
   *
   * @param old the old row (REPLICA IDENTITY FULL) for unchanged TOASTed values, or null
   */
  void emit(PgOutputDecoder.Tuple tuple, PgOutputDecoder.Tuple old, long lsn, String committedAt, boolean deleted)
      throws SQLException {
    line.reset();
    List<String> fetched = null;
    for (int i = 0; i < columns.size(); i++) {
      if (i > 0) {
        line.write('\t');
      }
      int at = positions[i];
      byte[] value = null;
      if (at >= 0 && at < tuple.size()) {
        if (tuple.isUnchangedToast(at)) {
          if (old != null && at < old.size() && !old.isNull(at) && !old.isUnchangedToast(at)) {
            value = old.values[at];
          } else {
            if (fetched == null) {
              fetched = currentValues(tuple);
            }
            String current = fetched == null ? null : fetched.get(i);
            value = current == null ? null : current.getBytes(StandardCharsets.UTF_8);
          }
        } else if (!tuple.isNull(at)) {
          value = tuple.values[at];
        }
      }
      if (value == null) {
        line.write('\\');
        line.write('N');
      } else if (columns.get(i).type().kind() == ValueKind.ARRAY) {
        escape(PgArrayJson.toJson(new String(value, StandardCharsets.UTF_8), columns.get(i).type().element().kind())
            .getBytes(StandardCharsets.UTF_8));
      } else {
        escape(value);
      }
    }
    row.load(line.toByteArray());
    fields.set(lsn, committedAt, deleted);
    if (records == 0) {
      output.streamStatus(stream, AirbyteStreamStatus.RUNNING);
    }
    output.record(stream.getNamespace(), stream.getName(), g -> writer.write(row, g));
    records++;
  }

  private void escape(byte[] value) {
    for (byte b : value) {
      switch (b) {
        case '\\' -> {
          line.write('\\');
          line.write('\\');
        }
        case '\t' -> {
          line.write('\\');
          line.write('t');
        }
        case '\n' -> {
          line.write('\\');
          line.write('n');
        }
        case '\r' -> {
          line.write('\\');
          line.write('r');
        }
        default -> line.write(b);
      }
    }
  }

  /**
   * The selected columns' values the table holds now for the row's key (the slot does not send an
   * unchanged TOASTed value); null when the row is gone by now (a later change in the slot deletes it).
   */
  private List<String> currentValues(PgOutputDecoder.Tuple tuple) throws SQLException {
    toastLookups++;
    List<String> where = new ArrayList<>();
    List<String> keys = new ArrayList<>();
    for (int r = 0; r < relation.columns().size(); r++) {
      PgOutputDecoder.Column column = relation.columns().get(r);
      if (column.key() && r < tuple.size() && !tuple.isNull(r) && !tuple.isUnchangedToast(r)) {
        TableInfo.ColumnInfo info = table.column(column.name());
        where.add(Sql.quote(column.name()) + " = ?::" + (info == null ? "text" : info.type().sqlName()));
        keys.add(new String(tuple.values[r], StandardCharsets.UTF_8));
      }
    }
    if (where.isEmpty()) {
      LOG.warning(table.qualifiedName() + " has no replica identity key: an unchanged TOASTed value cannot be read;"
          + " set REPLICA IDENTITY FULL on it");
      return null;
    }
    String select = String.join(", ", columns.stream().map(c -> Sql.quote(c.name()) + "::text").toList());
    try (PreparedStatement ps = connection.prepareStatement("SELECT " + select + " FROM " + table.qualifiedName()
        + " WHERE " + String.join(" AND ", where))) {
      for (int k = 0; k < keys.size(); k++) {
        ps.setString(k + 1, keys.get(k));
      }
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return null;
        }
        String[] values = new String[columns.size()];
        for (int i = 0; i < values.length; i++) {
          values[i] = rs.getString(i + 1);
        }
        return Arrays.asList(values);
      }
    }
  }
}
