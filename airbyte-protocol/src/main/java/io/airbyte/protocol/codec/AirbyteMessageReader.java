package io.airbyte.protocol.codec;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads the JSON-lines output of a connector lazily, one line at a time, in constant memory
 * (besides the current line). Every non-blank line comes out as a {@link ProtocolLine}: a message,
 * or a line that is not one. Blank lines carry nothing and are skipped. Bad lines never end the
 * stream; only the end of the input or an I/O error does.
 */
public final class AirbyteMessageReader implements Closeable {

  private final InputStream in;
  private final LineSplitter lines;
  private long lineNumber;
  private RecordDataHandler recordDataHandler;
  private final long maxLineBytes;
  private boolean typedRows;

  public AirbyteMessageReader(InputStream in) {
    this(in, Long.MAX_VALUE);
  }

  /**
   * @param maxLineBytes the longest line read as a message; a longer one comes out as {@link
   *     ProtocolLine.TooLong}, skipped in constant memory
   */
  public AirbyteMessageReader(InputStream in, long maxLineBytes) {
    this.in = in;
    this.lines = new LineSplitter(in, maxLineBytes);
    this.maxLineBytes = maxLineBytes;
  }

  /** Reads record data through {@code handler} from now on (see {@link RecordDataHandler}). */
  public void setRecordDataHandler(RecordDataHandler handler) {
    this.recordDataHandler = handler;
  }

  /**
   * Gives the lines of the {@link io.airbyte.protocol.rows.TypedRows} format as {@link ProtocolLine.TypedRow}
   * from now on (without it they are lines that are not messages).
   */
  public void acceptTypedRows() {
    this.typedRows = true;
  }

  /** The next line, or null at the end of the input. */
  public ProtocolLine next() throws IOException {
    while (true) {
      byte[] line = lines.nextLine();
      if (line == null) {
        return null;
      }
      lineNumber++;
      if (line == LineSplitter.TOO_LONG) {
        LineSplitter.TooLongLine tooLong = lines.tooLongLine();
        TooLongLineScanner.Head head = TooLongLineScanner.scan(tooLong);
        tooLong.skipRest();
        return new ProtocolLine.TooLong(lineNumber, tooLong.length(), maxLineBytes, head.type(), head.namespace(),
            head.stream());
      }
      if (typedRows && io.airbyte.protocol.rows.TypedRows.isTypedRowLine(line)) {
        return new ProtocolLine.TypedRow(line, lineNumber);
      }
      if (!MessageLineParser.isBlank(line)) {
        return MessageLineParser.parse(line, lineNumber, recordDataHandler);
      }
    }
  }

  /** Number of lines read so far, blank ones included. */
  public long linesRead() {
    return lineNumber;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
