package io.airbyte.connector.kit;

import io.airbyte.protocol.codec.AirbyteMessageReader;
import io.airbyte.protocol.codec.ProtocolLine;
import io.airbyte.protocol.codec.RecordDataHandler;
import io.airbyte.protocol.models.AirbyteLogMessage;
import io.airbyte.protocol.models.AirbyteMessage;
import java.io.IOException;

/**
 * The messages a destination reads from stdin. Lines that are not messages are counted and
 * reported as WARN logs naming the line and the reason; they never stop the input.
 */
public final class MessageInput {

  private static final int EXCERPT_CHARS = 200;

  private final AirbyteMessageReader reader;
  private final Emitter output;
  private long notAMessageCount;

  public MessageInput(AirbyteMessageReader reader, Emitter output) {
    this.reader = reader;
    this.output = output;
  }

  /** Reads record data through {@code handler}, in the same pass as the line (see {@link RecordDataHandler}). */
  public void setRecordDataHandler(RecordDataHandler handler) {
    reader.setRecordDataHandler(handler);
  }

  /** The next message, or null at the end of the input. */
  public AirbyteMessage next() throws IOException {
    while (true) {
      ProtocolLine line = reader.next();
      if (line == null) {
        return null;
      }
      if (line instanceof ProtocolLine.Message message) {
        return message.message();
      }
      ProtocolLine.NotAMessage bad = (ProtocolLine.NotAMessage) line;
      notAMessageCount++;
      output.log(AirbyteLogMessage.Level.WARN, "input line " + bad.lineNumber() + " is not a message ("
          + bad.reason() + "), skipped: " + bad.excerpt(EXCERPT_CHARS));
    }
  }

  /** How many input lines were not messages. */
  public long notAMessageCount() {
    return notAMessageCount;
  }
}
