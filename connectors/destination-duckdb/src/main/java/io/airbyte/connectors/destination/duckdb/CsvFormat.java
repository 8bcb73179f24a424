package io.airbyte.connectors.destination.duckdb;

import io.airbyte.connector.kit.rows.Bytes;
import io.airbyte.connector.kit.rows.RowFormat;
import io.airbyte.connector.kit.rows.Utf8;
import io.airbyte.connector.kit.typing.AirbyteType;
import java.nio.ByteBuffer;

/**
 * CSV as DuckDB's COPY reads it here: comma-separated, text and JSON quoted with {@code "}
 * (doubled inside), {@code \N} unquoted for NULL (quoted values are never NULL), UTF-8. Dates and
 * times are put in the forms DuckDB parses: {@code (BC)} after the date, an explicit {@code +00} for
 * a time in UTC.
 */
final class CsvFormat implements RowFormat {

  static final CsvFormat INSTANCE = new CsvFormat();
  static final String COPY_OPTIONS =
      "(FORMAT csv, HEADER false, DELIMITER ',', QUOTE '\"', ESCAPE '\"', NULLSTR '\\N', ALLOW_QUOTED_NULLS false,"
          + " AUTO_DETECT false)";

  @Override
  public byte fieldSeparator() {
    return ',';
  }

  @Override
  public void nullValue(Bytes out) {
    out.put((byte) '\\');
    out.put((byte) 'N');
  }

  @Override
  public void plain(Bytes out, char[] chars, int offset, int length) {
    out.putAscii(chars, offset, length);
  }

  @Override
  public void bool(Bytes out, boolean value) {
    out.putAscii(value ? "true" : "false");
  }

  @Override
  public void temporal(Bytes out, AirbyteType type, char[] c, int offset, int length) {
    int end = offset + length;
    boolean bc = length > 3 && c[end - 3] == ' ' && c[end - 2] == 'B' && c[end - 1] == 'C';
    int valueEnd = bc ? end - 3 : end;
    if (!bc && type != AirbyteType.TIME_WITH_TIMEZONE) {
      out.putAscii(c, offset, length);
      return;
    }
    if (bc) {
      // 0044-03-15 BC → 0044-03-15 (BC); 0044-03-15T12:00:00Z BC → 0044-03-15 (BC) 12:00:00Z
      int dateEnd = offset;
      while (dateEnd < valueEnd && c[dateEnd] != 'T' && c[dateEnd] != 't' && c[dateEnd] != ' ') {
        dateEnd++;
      }
      out.putAscii(c, offset, dateEnd - offset);
      out.putAscii(" (BC)");
      if (dateEnd < valueEnd) {
        out.put((byte) ' ');
        out.putAscii(c, dateEnd + 1, valueEnd - dateEnd - 1);
      }
      return;
    }
    // a time with time zone: DuckDB wants an explicit offset for UTC
    if (c[end - 1] == 'Z' || c[end - 1] == 'z') {
      out.putAscii(c, offset, length - 1);
      out.putAscii("+00");
    } else {
      out.putAscii(c, offset, length);
    }
  }

  @Override
  public boolean text(Bytes out, char[] c, int offset, int count) {
    byte[] b = out.reserve(count * 3 + 8);
    int at = out.length();
    int start = at;
    boolean droppedNul = false;
    b[at++] = '"';
    int end = offset + count;
    for (int i = offset; i < end; i++) {
      char ch = c[i];
      if (ch == '"') {
        b[at++] = '"';
        b[at++] = '"';
      } else if (ch == 0) {
        droppedNul = true;
      } else if (ch < 0x80) {
        b[at++] = (byte) ch;
      } else {
        at = Utf8.encode(c, i, end, b, at);
        if (Character.isHighSurrogate(ch) && i + 1 < end && Character.isLowSurrogate(c[i + 1])) {
          i++;
        }
      }
    }
    b[at++] = '"';
    out.advance(at - start);
    return droppedNul;
  }

  @Override
  public boolean json(Bytes out, ByteBuffer source, int from, int to) {
    byte[] b = out.reserve((to - from) * 2 + 2);
    int at = out.length();
    int start = at;
    boolean nulEscape = false;
    int backslashes = 0;
    b[at++] = '"';
    for (int i = from; i < to; i++) {
      byte x = source.get(i);
      if (x == '"') {
        b[at++] = '"';
        b[at++] = '"';
      } else {
        if (x == 'u') {
          nulEscape |= Utf8.isNulEscape(source, i, to, backslashes);
        }
        b[at++] = x;
      }
      backslashes = x == '\\' ? backslashes + 1 : 0;
    }
    b[at++] = '"';
    out.advance(at - start);
    return nulEscape;
  }
}
