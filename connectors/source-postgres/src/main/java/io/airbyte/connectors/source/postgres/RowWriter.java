package io.airbyte.connectors.source.postgres;

import io.airbyte.protocol.rows.CopyTextRow;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import io.airbyte.protocol.json.RawUtf8;
import io.airbyte.protocol.models.StreamDescriptor;
import io.airbyte.protocol.rows.RowValueKind;
import io.airbyte.protocol.rows.StreamDeclaration;
import io.airbyte.protocol.rows.TypedRowBuilder;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * Writes a row of COPY text output as a record's data, straight into the output generator, from
 * the bytes PostgreSQL sent: one precomputed conversion per column, no strings on the way for
 * numbers, booleans and date/time values. Arrays arrive as JSON ({@code to_json} in the query).
 */
final class RowWriter {

  private final SerializableString[] names;
  private final PgType[] types;
  private final RawUtf8 raw = new RawUtf8();
  private byte[] temporal = new byte[64];
  private final ExtraFields extras;
  private final List<TableInfo.ColumnInfo> columns;

  RowWriter(List<TableInfo.ColumnInfo> columns) {
    this(columns, null);
  }

  /** @param extras written after the columns (CDC's metadata), or null */
  RowWriter(List<TableInfo.ColumnInfo> columns, ExtraFields extras) {
    this.extras = extras;
    this.columns = List.copyOf(columns);
    names = new SerializableString[columns.size()];
    types = new PgType[columns.size()];
    for (int i = 0; i < columns.size(); i++) {
      names[i] = new SerializedString(columns.get(i).name());
      types[i] = columns.get(i).type();
    }
  }

  /** The select expression of a column: arrays as JSON. */
  static String selectExpression(TableInfo.ColumnInfo column) {
    String quoted = Sql.quote(column.name());
    return column.type().kind() == ValueKind.ARRAY ? "to_json(" + quoted + ")" : quoted;
  }

  /** Writes fields 0..n-1 of the row as a JSON object. */
  void write(CopyTextRow row, JsonGenerator g) throws IOException {
    g.writeStartObject();
    for (int i = 0; i < names.length; i++) {
      g.writeFieldName(names[i]);
      if (row.isNull(i)) {
        g.writeNull();
      } else {
        writeValue(row, i, types[i].kind(), g);
      }
    }
    if (extras != null) {
      extras.write(g);
    }
    g.writeEndObject();
  }

  /** Whether its rows can go as typed rows: no fields besides the columns. */
  boolean typedRows() {
    return extras == null;
  }

  /** The stream line declaring the columns of {@code stream}'s rows. */
  StreamDeclaration declaration(int ref, StreamDescriptor stream) {
    List<String> fields = new ArrayList<>();
    List<RowValueKind> kinds = new ArrayList<>();
    for (TableInfo.ColumnInfo column : columns) {
      fields.add(column.name());
      kinds.add(switch (column.type().kind()) {
        case INTEGER -> RowValueKind.INTEGER;
        case NUMERIC, FLOAT -> RowValueKind.NUMBER;
        case BOOLEAN -> RowValueKind.BOOLEAN;
        case JSON, ARRAY -> RowValueKind.JSON;
        default -> RowValueKind.STRING;
      });
    }
    return new StreamDeclaration(ref, stream.getNamespace(), stream.getName(), fields, kinds);
  }

  /**
   * Writes fields 0..n-1 of the row as the values of a typed row: the COPY text as PostgreSQL sent it
   * (the row format escapes as COPY does), but for date-times in the well-known form and bytea in
   * base64, as in JSON.
   */
  void writeRow(CopyTextRow row, TypedRowBuilder out) {
    byte[] bytes = row.array();
    for (int i = 0; i < types.length; i++) {
      int start = row.start(i);
      int end = row.end(i);
      if (row.isNull(i)) {
        out.nullValue();
        continue;
      }
      switch (types[i].kind()) {
        case TIMESTAMP -> temporalValue(bytes, start, end, true, false, out);
        case TIMESTAMPTZ -> temporalValue(bytes, start, end, true, true, out);
        case TIMETZ -> temporalValue(bytes, start, end, false, true, out);
        case BYTEA -> {
          byte[] base64 = Base64.getEncoder().encode(bytea(row, i));
          out.escaped(base64, 0, base64.length);
        }
        default -> out.escaped(bytes, start, end);
      }
    }
  }

  private static byte[] bytea(CopyTextRow row, int i) {
    int length = row.unescape(i); // "\x0a0b…"
    return HexFormat.of().parseHex(new String(row.scratch(), 2, length - 2, java.nio.charset.StandardCharsets.US_ASCII));
  }

  private void writeValue(CopyTextRow row, int i, ValueKind kind, JsonGenerator g) throws IOException {
    byte[] bytes = row.array();
    int start = row.start(i);
    int end = row.end(i);
    switch (kind) {
      case INTEGER -> g.writeRawValue(raw.of(bytes, start, end));
      case NUMERIC, FLOAT -> {
        byte first = bytes[start];
        if (first == 'N' || first == 'I' || (first == '-' && end - start > 1 && bytes[start + 1] == 'I')) {
          g.writeRawUTF8String(bytes, start, end - start); // NaN, Infinity, -Infinity as strings
        } else {
          g.writeRawValue(raw.of(bytes, start, end));
        }
      }
      case BOOLEAN -> g.writeBoolean(bytes[start] == 't');
      case DATE, TIME -> g.writeRawUTF8String(bytes, start, end - start);
      case TIMESTAMP -> writeTemporal(bytes, start, end, true, false, g);
      case TIMESTAMPTZ -> writeTemporal(bytes, start, end, true, true, g);
      case TIMETZ -> writeTemporal(bytes, start, end, false, true, g);
      case JSON, ARRAY -> {
        int length = row.unescape(i);
        g.writeRawValue(raw.of(row.scratch(), 0, length));
      }
      case BYTEA -> g.writeString(Base64.getEncoder().encodeToString(bytea(row, i)));
      default -> {
        if (row.plain(i)) {
          g.writeUTF8String(bytes, start, end - start);
        } else {
          int length = row.unescape(i);
          g.writeUTF8String(row.scratch(), 0, length);
        }
      }
    }
  }

  /**
   * PostgreSQL's ISO output ({@code 2024-01-01 10:00:00.5+00}, {@code … BC}) in the well-known
   * form: 'T' between date and time, 'Z' for UTC, offsets as ±hh:mm, the era kept.
   */
  private void writeTemporal(byte[] b, int start, int end, boolean hasDate, boolean zoned, JsonGenerator g)
      throws IOException {
    int length = temporal(b, start, end, hasDate, zoned); // may grow the buffer: read it after
    g.writeRawUTF8String(temporal, 0, length);
  }

  private void temporalValue(byte[] b, int start, int end, boolean hasDate, boolean zoned, TypedRowBuilder out) {
    int length = temporal(b, start, end, hasDate, zoned);
    out.escaped(temporal, 0, length);
  }

  /** The value in the well-known form, in {@link #temporal}; returns its length. */
  private int temporal(byte[] b, int start, int end, boolean hasDate, boolean zoned) {
    int length = end - start;
    if (temporal.length < length + 8) {
      temporal = Arrays.copyOf(temporal, length + 8);
    }
    if (b[start] < '0' || b[start] > '9') {
      System.arraycopy(b, start, temporal, 0, length); // infinity, -infinity
      return length;
    }
    boolean bc = length > 3 && b[end - 3] == ' ' && b[end - 2] == 'B' && b[end - 1] == 'C';
    int valueEnd = bc ? end - 3 : end;
    int at = 0;
    int timeStart = start;
    if (hasDate) {
      while (b[timeStart] != ' ' && timeStart < valueEnd) {
        temporal[at++] = b[timeStart++];
      }
      temporal[at++] = 'T';
      timeStart++;
    }
    int sign = -1;
    if (zoned) {
      for (int k = timeStart + 8; k < valueEnd; k++) {
        if (b[k] == '+' || b[k] == '-') {
          sign = k;
          break;
        }
      }
    }
    int timeEnd = sign < 0 ? valueEnd : sign;
    System.arraycopy(b, timeStart, temporal, at, timeEnd - timeStart);
    at += timeEnd - timeStart;
    if (sign >= 0) {
      int offsetLength = valueEnd - sign;
      boolean utc = (offsetLength == 3 || offsetLength == 6) && b[sign] == '+' && b[sign + 1] == '0' && b[sign + 2] == '0'
          && (offsetLength == 3 || (b[sign + 4] == '0' && b[sign + 5] == '0'));
      if (utc) {
        temporal[at++] = 'Z';
      } else {
        System.arraycopy(b, sign, temporal, at, offsetLength);
        at += offsetLength;
        if (offsetLength == 3) {
          temporal[at++] = ':';
          temporal[at++] = '0';
          temporal[at++] = '0';
        }
      }
    }
    if (bc) {
      temporal[at++] = ' ';
      temporal[at++] = 'B';
      temporal[at++] = 'C';
    }
    return at;
  }

  /** Fields a record carries besides its columns. */
  @FunctionalInterface
  interface ExtraFields {
    void write(JsonGenerator g) throws IOException;
  }
}
