package io.airbyte.connectors.destination.snowflake;

import io.airbyte.connector.kit.rows.Bytes;
import io.airbyte.connector.kit.rows.CsvFormat;
import io.airbyte.connector.kit.typing.AirbyteType;

/** The kit's CSV with an offset of UTC spelled {@code +00:00}, as Snowflake's timestamp parsing reads it. */
final class SnowflakeCsvFormat extends CsvFormat {

  static final SnowflakeCsvFormat INSTANCE = new SnowflakeCsvFormat();

  @Override
  public void temporal(Bytes out, AirbyteType type, char[] c, int offset, int length) {
    out.putAscii(c, offset, length);
    if (type == AirbyteType.TIMESTAMP_WITH_TIMEZONE && length > 3 && c[offset + length - 3] == '+'
        && Character.isDigit(c[offset + length - 1])) {
      out.putAscii(":00"); // the extraction time the encoder writes: ...+00
    }
  }
}
