package io.airbyte.connector.kit.rows;

import io.airbyte.connector.kit.typing.AirbyteType;
import java.nio.ByteBuffer;

/**
 * The text a database's bulk load reads (PostgreSQL COPY text, CSV …): how one value is written,
 * escaped or quoted. {@link RowEncoder} decides which values are valid; the format only spells them.
 */
public interface RowFormat {

  byte fieldSeparator();

  /** NULL: by default {@code \N} (unquoted), what PostgreSQL's COPY text and the CSV loads here read as NULL. */
  default void nullValue(Bytes out) {
    out.put((byte) '\\');
    out.put((byte) 'N');
  }

  /**
   * Text (UTF-16 chars, e.g. a JSON string's content) as UTF-8.
   *
   * @return whether characters the database cannot hold (NUL) were left out
   */
  boolean text(Bytes out, char[] chars, int offset, int length);

  /**
   * A JSON document given as its UTF-8 bytes.
   *
   * @return whether it holds a {@code \u0000} escape the database cannot hold
   */
  boolean json(Bytes out, ByteBuffer source, int from, int to);

  /** ASCII that never needs escaping: numbers, UUIDs, identifiers the encoder makes; by default as it is. */
  default void plain(Bytes out, char[] chars, int offset, int length) {
    out.putAscii(chars, offset, length);
  }

  /** A date or time value already validated against its well-known pattern; by default as it is. */
  default void temporal(Bytes out, AirbyteType type, char[] chars, int offset, int length) {
    out.putAscii(chars, offset, length);
  }

  void bool(Bytes out, boolean value);
}
