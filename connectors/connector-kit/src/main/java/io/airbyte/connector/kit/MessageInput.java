package io.airbyte.connector.kit;

import io.airbyte.protocol.codec.AirbyteMessageReader;
import io.airbyte.protocol.codec.ProtocolLine;
import io.airbyte.protocol.codec.RecordDataHandler;
import io.airbyte.protocol.codec.TypedRowHandler;
import io.airbyte.protocol.models.AirbyteRecordMessage;
import io.airbyte.protocol.rows.CopyTextRow;
import io.airbyte.protocol.rows.StreamDeclaration;
import io.airbyte.protocol.rows.TypedRowJson;
import io.airbyte.protocol.rows.TypedRows;
import io.airbyte.protocol.models.AirbyteLogMessage;
import io.airbyte.protocol.models.AirbyteMessage;
import io.airbyte.protocol.models.StreamDescriptor;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The messages a destination reads from stdin. Lines that are not messages are counted and
 * reported as WARN logs naming the line and the reason; they never stop the input. A line longer
 * than the {@link RecordSizeLimit} is never held in memory: a record, state or trace that long stops
 * the write with a {@link RecordTooLargeException} naming its stream, its size and the limit (the
 * destination then commits nothing after the last state); a longer line of anything else (a log, or
 * not JSON at all) is skipped like any line that is not a message.
 */
public final class MessageInput {

  private static final int EXCERPT_CHARS = 200;

  private static final Set<String> NEEDED = Set.of("RECORD", "STATE", "TRACE");

  private final AirbyteMessageReader reader;
  private final Emitter output;
  private final RecordSizeLimit limit;
  private long notAMessageCount;
  private final Map<Integer, StreamDeclaration> declared = new HashMap<>();
  private final CopyTextRow row = new CopyTextRow();
  private TypedRowHandler rowHandler;

  /** Input without a bound of its own (lines up to the 2 GB a line may have). */
  public MessageInput(AirbyteMessageReader reader, Emitter output) {
    this.reader = reader;
    this.output = output;
    this.limit = null;
  }

  /** The lines of {@code stdin}, each at most {@code limit} long. */
  public MessageInput(InputStream stdin, RecordSizeLimit limit, Emitter output) {
    this.reader = new AirbyteMessageReader(stdin, limit.bytes());
    this.output = output;
    this.limit = limit;
  }

  /** Reads record data through {@code handler}, in the same pass as the line (see {@link RecordDataHandler}). */
  public void setRecordDataHandler(RecordDataHandler handler) {
    reader.setRecordDataHandler(handler);
  }

  /** Reads records in the typed-rows format too (the platform passed {@code --record-format}). */
  public void acceptTypedRows() {
    reader.acceptTypedRows();
  }

  /** Reads typed rows through {@code handler}, in the pass that reads their line. */
  public void setTypedRowHandler(TypedRowHandler handler) {
    this.rowHandler = handler;
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
      if (line instanceof ProtocolLine.TypedRow typed) {
        AirbyteMessage record = typedRow(typed);
        if (record != null) {
          return record;
        }
        continue;
      }
      if (line instanceof ProtocolLine.TooLong tooLong) {
        tooLong(tooLong);
        continue;
      }
      ProtocolLine.NotAMessage bad = (ProtocolLine.NotAMessage) line;
      notAMessage(bad.lineNumber(), bad.reason(), bad.excerpt(EXCERPT_CHARS));
    }
  }

  private void notAMessage(long lineNumber, String reason, String excerpt) {
    notAMessageCount++;
    output.log(AirbyteLogMessage.Level.WARN, "input line " + lineNumber + " is not a message (" + reason + "), skipped: "
        + excerpt);
  }

  /** A stream line (kept, null returned) or a row (its record); a bad line is reported and null returned. */
  private AirbyteMessage typedRow(ProtocolLine.TypedRow typed) throws IOException {
    byte[] bytes = typed.line();
    if (bytes[1] == TypedRows.STREAM) {
      try {
        StreamDeclaration stream = StreamDeclaration.parse(bytes);
        declared.put(stream.ref(), stream);
      } catch (IllegalArgumentException e) {
        notAMessage(typed.lineNumber(), "a bad stream line: " + e.getMessage(), excerpt(bytes));
      }
      return null;
    }
    StreamDeclaration stream = bytes[1] == TypedRows.ROW ? declared.get(TypedRows.ref(bytes)) : null;
    if (stream == null) {
      notAMessage(typed.lineNumber(), bytes[1] == TypedRows.ROW ? "a row of a stream no stream line declared"
          : "neither a stream line nor a row", excerpt(bytes));
      return null;
    }
    row.load(bytes);
    long emittedAt;
    try {
      emittedAt = TypedRows.emittedAt(row);
    } catch (IllegalArgumentException e) {
      notAMessage(typed.lineNumber(), "a row whose " + e.getMessage(), excerpt(bytes));
      return null;
    }
    int values = row.fields() - TypedRows.FIRST_VALUE;
    if (values != stream.fields().size()) {
      notAMessage(typed.lineNumber(), "a row of " + values + " values where its stream '" + stream.name() + "' declares "
          + stream.fields().size(), excerpt(bytes));
      return null;
    }
    AirbyteRecordMessage record = new AirbyteRecordMessage().withNamespace(stream.namespace()).withStream(stream.name())
        .withEmittedAt(emittedAt);
    Object consumer = rowHandler == null ? null : rowHandler.row(stream, row);
    if (consumer == null) {
      record.setData(TypedRowJson.data(stream, row));
    } else {
      record.setConsumedBy(consumer);
    }
    return new AirbyteMessage().withType(AirbyteMessage.Type.RECORD).withRecord(record);
  }

  private static String excerpt(byte[] line) {
    String text = new String(line, 1, Math.min(line.length - 1, EXCERPT_CHARS), java.nio.charset.StandardCharsets.UTF_8);
    return line.length - 1 > EXCERPT_CHARS ? text + "… (" + line.length + " bytes)" : text;
  }

  private void tooLong(ProtocolLine.TooLong line) {
    String size = RecordSizeLimit.describe(line.bytes());
    String max = RecordSizeLimit.describe(line.maxBytes());
    String origin = limit == null ? "" : " (" + limit.origin() + ")";
    if (line.type() == null || !NEEDED.contains(line.type())) {
      notAMessageCount++;
      output.log(AirbyteLogMessage.Level.WARN, "input line " + line.lineNumber() + " (" + line.describe() + ") is "
          + size + ", longer than the " + max + " a line may have" + origin + ": skipped unread");
      return;
    }
    StreamDescriptor stream = line.stream() == null ? null
        : new StreamDescriptor().withNamespace(line.namespace()).withName(line.stream());
    throw new RecordTooLargeException("Input line " + line.lineNumber() + ", " + line.describe() + ", is " + size
        + ", more than the " + max + " this destination takes in one message" + origin + ". The sync stops here; what was written"
        + " after the last state is not committed. Leave the large column (or the stream) out of the connection, or"
        + " raise " + RecordSizeLimit.VARIABLE + ".", stream);
  }

  /** How many input lines were not messages. */
  public long notAMessageCount() {
    return notAMessageCount;
  }
}
