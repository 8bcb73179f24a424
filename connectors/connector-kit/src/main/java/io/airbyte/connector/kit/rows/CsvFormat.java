package io.airbyte.connector.kit.rows;

/**
 * CSV: comma-separated, text and JSON quoted with {@code "} (doubled inside), {@code \N} unquoted
 * for NULL (quoted values are never NULL), UTF-8, NUL characters left out. Dates and times go as
 * they came; an engine that spells them otherwise overrides {@link #temporal}.
 */
public class CsvFormat extends EscapingFormat {

  public static final CsvFormat INSTANCE = new CsvFormat();

  protected CsvFormat() {
    super(',', '"');
    escape('"', "\"\"");
  }

  @Override
  public void bool(Bytes out, boolean value) {
    out.putAscii(value ? "true" : "false");
  }
}
