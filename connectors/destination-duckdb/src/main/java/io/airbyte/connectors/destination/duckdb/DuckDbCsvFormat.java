package io.airbyte.connectors.destination.duckdb;

import io.airbyte.connector.kit.RecordSizeLimit;
import io.airbyte.connector.kit.rows.Bytes;
import io.airbyte.connector.kit.rows.CsvFormat;
import io.airbyte.connector.kit.typing.AirbyteType;

/**
 * The kit's CSV with dates and times in the forms DuckDB parses: {@code (BC)} after the date, an
 * explicit {@code +00} for a time in UTC. {@link #COPY_OPTIONS} is how DuckDB's COPY reads it: its CSV reader
 * refuses lines over 2 MB unless told, and a row of a record the kit takes (16 MB of JSON) is longer than that.
 */
final class DuckDbCsvFormat extends CsvFormat {

  static final DuckDbCsvFormat INSTANCE = new DuckDbCsvFormat();
  static final String COPY_OPTIONS =
      "(FORMAT csv, HEADER false, DELIMITER ',', QUOTE '\"', ESCAPE '\"', NULLSTR '\\N', ALLOW_QUOTED_NULLS false,"
          + " AUTO_DETECT false, MAX_LINE_SIZE " + RecordSizeLimit.DEFAULT_BYTES * 4 + ")";

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
}
