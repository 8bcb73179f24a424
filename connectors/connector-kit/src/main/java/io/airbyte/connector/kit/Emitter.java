package io.airbyte.connector.kit;

import com.fasterxml.jackson.databind.JsonNode;
import io.airbyte.protocol.codec.AirbyteMessageWriter;
import io.airbyte.protocol.json.RawJson;
import io.airbyte.protocol.models.AirbyteConnectionStatus;
import io.airbyte.protocol.models.AirbyteErrorTraceMessage;
import io.airbyte.protocol.models.AirbyteEstimateTraceMessage;
import io.airbyte.protocol.models.AirbyteLogMessage;
import io.airbyte.protocol.models.AirbyteMessage;
import io.airbyte.protocol.models.AirbyteRecordMessage;
import io.airbyte.protocol.models.AirbyteStateMessage;
import io.airbyte.protocol.models.AirbyteStreamStatus;
import io.airbyte.protocol.models.AirbyteStreamStatusTraceMessage;
import io.airbyte.protocol.models.AirbyteTraceMessage;
import io.airbyte.protocol.models.StreamDescriptor;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A connector's output: protocol messages on stdout. Records are buffered; every other message is
 * flushed at once, so the platform sees states, statuses and logs as they happen. Thread-safe.
 */
public final class Emitter {

  private final AirbyteMessageWriter writer;
  private final Clock clock;
  private volatile boolean typedRows;
  private final AtomicInteger typedRowStreams;

  public Emitter(AirbyteMessageWriter writer, Clock clock) {
    this(writer, clock, new AtomicInteger());
  }

  private Emitter(AirbyteMessageWriter writer, Clock clock, AtomicInteger typedRowStreams) {
    this.writer = writer;
    this.clock = clock;
    this.typedRowStreams = typedRowStreams;
  }

  /**
   * An output of its own, for one thread, whose messages reach this one only when the segment is
   * committed, all together and in their order: a reader on another thread ends each segment with
   * a state, so the records a state covers and the state itself arrive as one piece, never mixed
   * with the records of another stream that no state covers yet. It numbers typed-rows streams as
   * this output does.
   */
  public OutputSegment segment() {
    OutputSegment.Buffer buffer = new OutputSegment.Buffer();
    Emitter segment = new Emitter(new AirbyteMessageWriter(buffer), clock, typedRowStreams);
    segment.typedRows = typedRows;
    return new OutputSegment(this, segment, buffer);
  }

  /** Lines written by a segment, each ending with a newline, written as they are, then flushed. */
  void segmentLines(byte[] bytes, int length) {
    try {
      if (length > 0) {
        writer.writeRawLine(bytes, 0, length - 1);
      }
      writer.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write to the platform", e);
    }
  }

  public void emit(AirbyteMessage message) {
    try {
      writer.write(message);
      if (message.getType() != AirbyteMessage.Type.RECORD) {
        writer.flush();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write to the platform", e);
    }
  }

  public void record(String namespace, String stream, JsonNode data) {
    emit(new AirbyteMessage().withType(AirbyteMessage.Type.RECORD).withRecord(new AirbyteRecordMessage()
        .withNamespace(namespace).withStream(stream).withEmittedAt(clock.millis()).withData(data)));
  }

  /** A record whose data is written straight into the output (no tree): the fast path. */
  public void record(String namespace, String stream, AirbyteMessageWriter.DataWriter data) {
    try {
      writer.writeRecord(namespace, stream, clock.millis(), data);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write to the platform", e);
    }
  }

  /** Whether records may go as typed rows ({@link io.airbyte.protocol.rows.TypedRows}): the platform asked for them. */
  public boolean typedRows() {
    return typedRows;
  }

  void useTypedRows() {
    typedRows = true;
  }

  /** A number for a new typed-rows stream, unique in this output. */
  public int nextTypedRowStream() {
    return typedRowStreams.getAndIncrement();
  }

  /** The time records are stamped with (emitted_at), in epoch milliseconds. */
  public long millis() {
    return clock.millis();
  }

  /** A line of the typed-rows format (a stream line or a row), without its newline; only when {@link #typedRows()}. */
  public void typedRow(byte[] line, int length) {
    if (!typedRows) {
      throw new IllegalStateException("the platform did not ask for typed rows");
    }
    try {
      writer.writeRawLine(line, 0, length);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write to the platform", e);
    }
  }

  /**
   * Messages already serialized elsewhere (e.g. records made on other threads), one per line,
   * without a final newline; written as they are.
   */
  public void lines(RawJson lines) {
    try {
      writer.writeLine(lines);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write to the platform", e);
    }
  }

  public void state(AirbyteStateMessage state) {
    emit(new AirbyteMessage().withType(AirbyteMessage.Type.STATE).withState(state));
  }

  public void connectionStatus(AirbyteConnectionStatus status) {
    emit(new AirbyteMessage().withType(AirbyteMessage.Type.CONNECTION_STATUS).withConnectionStatus(status));
  }

  public void log(AirbyteLogMessage.Level level, String message) {
    log(level, message, null);
  }

  public void log(AirbyteLogMessage.Level level, String message, Throwable error) {
    emit(new AirbyteMessage().withType(AirbyteMessage.Type.LOG).withLog(new AirbyteLogMessage()
        .withLevel(level).withMessage(message).withStackTrace(error == null ? null : stackTrace(error))));
  }

  public void streamStatus(StreamDescriptor stream, AirbyteStreamStatus status) {
    trace(new AirbyteTraceMessage().withType(AirbyteTraceMessage.Type.STREAM_STATUS)
        .withStreamStatus(new AirbyteStreamStatusTraceMessage().withStreamDescriptor(stream).withStatus(status)));
  }

  /** A per-stream estimate; either count may be null when unknown. */
  public void estimate(StreamDescriptor stream, Long rows, Long bytes) {
    trace(new AirbyteTraceMessage().withType(AirbyteTraceMessage.Type.ESTIMATE)
        .withEstimate(new AirbyteEstimateTraceMessage().withType(AirbyteEstimateTraceMessage.Type.STREAM)
            .withName(stream.getName()).withNamespace(stream.getNamespace())
            .withRowEstimate(rows).withByteEstimate(bytes)));
  }

  /** A TRACE ERROR for a failure, with the exception as internal message and stack trace. */
  public void error(Failure failure, Throwable error) {
    trace(new AirbyteTraceMessage().withType(AirbyteTraceMessage.Type.ERROR)
        .withError(new AirbyteErrorTraceMessage()
            .withFailureType(failure.type())
            .withMessage(failure.message())
            .withStreamDescriptor(failure.stream())
            .withInternalMessage(error == null ? null : error.toString())
            .withStackTrace(error == null ? null : stackTrace(error))));
  }

  public void flush() {
    try {
      writer.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write to the platform", e);
    }
  }

  private void trace(AirbyteTraceMessage trace) {
    emit(new AirbyteMessage().withType(AirbyteMessage.Type.TRACE)
        .withTrace(trace.withEmittedAt((double) clock.millis())));
  }

  static String stackTrace(Throwable error) {
    StringWriter out = new StringWriter();
    error.printStackTrace(new PrintWriter(out));
    return out.toString();
  }
}
