package io.airbyte.connectors.destination.postgres;

import io.airbyte.connector.kit.rows.Bytes;
import io.airbyte.connector.kit.rows.EscapingFormat;

/**
 * PostgreSQL's COPY text format: tab-separated, {@code \N} for NULL, backslash, tab, newline and
 * carriage return escaped; UTF-8. Values go as PostgreSQL's input functions read them (dates and
 * times as they came).
 */
final class CopyTextFormat extends EscapingFormat {

  static final CopyTextFormat INSTANCE = new CopyTextFormat();

  private CopyTextFormat() {
    super('\t', '\0');
    escape('\\', "\\\\");
    escape('\t', "\\t");
    escape('\n', "\\n");
    escape('\r', "\\r");
  }

  @Override
  public void bool(Bytes out, boolean value) {
    out.put((byte) (value ? 't' : 'f'));
  }
}
