package io.airbyte.protocol.codec;

import io.airbyte.protocol.json.RawJson;
import io.airbyte.protocol.models.AirbyteMessage;

/** One line of a connector's output: either a protocol message or something that is not one. */
public sealed interface ProtocolLine {

  /** 1-based number of the line in its stream. */
  long lineNumber();

  /**
   * A message and the line it was read from. As long as the message is not modified, writing
   * {@code line} gives the same message without serializing it again.
   */
  record Message(AirbyteMessage message, RawJson line, long lineNumber) implements ProtocolLine {}

  /**
   * A line of the {@link io.airbyte.protocol.rows.TypedRows} record format (a stream line or a row),
   * as it was read; only a reader that accepts the format gives these.
   */
  record TypedRow(byte[] line, long lineNumber) implements ProtocolLine {}

  /** A line that is not JSON, or JSON that is not a message; {@code reason} says why. */
  record NotAMessage(String line, String reason, long lineNumber) implements ProtocolLine {

    /** The line shortened for a log, with its length when it was cut. */
    public String excerpt(int maxChars) {
      return line.length() <= maxChars ? line : line.substring(0, maxChars) + "… (" + line.length() + " chars)";
    }
  }

  /**
   * A line longer than the reader's bound, skipped without being held in memory. What its beginning
   * says is kept: the message's type and, for a record, its stream (null where the line does not say).
   *
   * @param bytes the line's length
   * @param maxBytes the reader's bound
   */
  record TooLong(long lineNumber, long bytes, long maxBytes, String type, String namespace, String stream)
      implements ProtocolLine {

    /** The stream's name with its namespace ({@code namespace.name}), or null for a line that names none. */
    public String streamName() {
      return stream == null ? null : namespace == null ? stream : namespace + "." + stream;
    }

    /** "a RECORD of stream 'ns.s'", "a STATE message", "a line": what the line is, for a message. */
    public String describe() {
      if (stream != null) {
        return "a " + (type == null ? "message" : type) + " of stream '" + streamName() + "'";
      }
      return type == null ? "a line" : "a " + type + " message";
    }
  }
}
