package io.airbyte.protocol.codec;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.airbyte.protocol.json.Jsons;
import io.airbyte.protocol.json.RawJson;
import io.airbyte.protocol.models.AirbyteMessage;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes protocol messages as JSON lines, one message per line. Output is buffered: call {@link
 * #flush()} when what was written must reach the reader (the kit does so after every message that
 * is not a record). Safe to use from several threads; each message is written whole.
 */
public final class AirbyteMessageWriter implements Flushable, Closeable {

  private static final int BUFFER_SIZE = 64 * 1024;
  private static final ObjectWriter MESSAGE_WRITER = Jsons.mapper()
      .writerFor(AirbyteMessage.class)
      .without(SerializationFeature.FLUSH_AFTER_WRITE_VALUE);

  private final OutputStream out;
  private JsonGenerator generator;
  private final io.airbyte.protocol.json.RawUtf8 rawLine = new io.airbyte.protocol.json.RawUtf8();

  public AirbyteMessageWriter(OutputStream out) {
    this.out = new BufferedOutputStream(out, BUFFER_SIZE);
    this.generator = newGenerator();
  }

  public synchronized void write(AirbyteMessage message) throws IOException {
    try {
      MESSAGE_WRITER.writeValue(generator, message);
    } catch (IOException | RuntimeException e) {
      abandonLine();
      throw e;
    }
    endLine();
  }

  /** Writes a line as it was read (see {@link ProtocolLine.Message#line()}). */
  public synchronized void writeLine(RawJson line) throws IOException {
    line.writeRaw(generator);
    endLine();
  }

  /** Writes a line that is not JSON (a {@link io.airbyte.protocol.rows.TypedRows} line) as it is. */
  public synchronized void writeRawLine(byte[] bytes, int offset, int length) throws IOException {
    generator.writeRaw(rawLine.of(bytes, offset, offset + length));
    endLine();
  }

  /**
   * Writes a RECORD whose data is produced straight into the generator, without building a tree:
   * the fast path for sources. {@code data} must write exactly one JSON object.
   */
  public synchronized void writeRecord(String namespace, String stream, long emittedAt, DataWriter data)
      throws IOException {
    JsonGenerator g = generator;
    try {
      g.writeStartObject();
      g.writeStringField("type", "RECORD");
      g.writeObjectFieldStart("record");
      if (namespace != null) {
        g.writeStringField("namespace", namespace);
      }
      g.writeStringField("stream", stream);
      g.writeNumberField("emitted_at", emittedAt);
      g.writeFieldName("data");
      data.write(g);
      g.writeEndObject();
      g.writeEndObject();
    } catch (IOException | RuntimeException e) {
      abandonLine();
      throw e;
    }
    endLine();
  }

  @Override
  public synchronized void flush() throws IOException {
    generator.flush();
    out.flush();
  }

  @Override
  public synchronized void close() throws IOException {
    generator.close();
    out.close();
  }

  private void endLine() throws IOException {
    generator.writeRaw('\n');
  }

  /**
   * A message failed half-way: end the broken line so the reader sees one bad line and the next
   * message starts clean, and start a new generator whose context is not inside that message.
   */
  private void abandonLine() throws IOException {
    generator.flush();
    out.write('\n');
    generator = newGenerator();
  }

  private JsonGenerator newGenerator() {
    try {
      JsonGenerator g = Jsons.mapper().createGenerator(out);
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      g.disable(JsonGenerator.Feature.FLUSH_PASSED_TO_STREAM);
      g.setRootValueSeparator(null);
      return g;
    } catch (IOException e) {
      throw new IllegalStateException("cannot create a JSON generator", e);
    }
  }

  /** Writes one JSON object (a record's data) into a generator. */
  @FunctionalInterface
  public interface DataWriter {
    void write(JsonGenerator generator) throws IOException;
  }
}
