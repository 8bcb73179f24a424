package io.airbyte.protocol.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializable;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * A JSON value kept as the UTF-8 bytes it was read from: it is written back byte for byte and only
 * parsed when someone asks for its content. The bytes are never modified.
 */
public final class RawJson implements JsonSerializable {

  /** Above this size a value is written straight to the output stream instead of through a buffer. */
  private static final int DIRECT_WRITE_THRESHOLD = 64 * 1024;

  private final byte[] bytes;
  private final int offset;
  private final int length;

  public RawJson(byte[] bytes, int offset, int length) {
    Objects.checkFromIndexSize(offset, length, bytes.length);
    this.bytes = bytes;
    this.offset = offset;
    this.length = length;
  }

  public static RawJson of(String json) {
    byte[] utf8 = json.getBytes(StandardCharsets.UTF_8);
    return new RawJson(utf8, 0, utf8.length);
  }

  /** Size in bytes. */
  public int length() {
    return length;
  }

  public byte[] toByteArray() {
    return Arrays.copyOfRange(bytes, offset, offset + length);
  }

  public void writeTo(OutputStream out) throws IOException {
    out.write(bytes, offset, length);
  }

  /**
   * The bytes as a read-only buffer positioned over exactly this value: index 0 is the first byte.
   * Byte offsets a {@link #parser()} reports are relative to the same start.
   */
  public ByteBuffer bytes() {
    return ByteBuffer.wrap(bytes, offset, length).slice().asReadOnlyBuffer();
  }

  /** A streaming parser over the bytes, for readers that do not want a tree. */
  public JsonParser parser() throws IOException {
    return Jsons.mapper().createParser(bytes, offset, length);
  }

  /** The value as a tree. */
  public JsonNode parse() {
    try {
      return Jsons.mapper().readTree(bytes, offset, length);
    } catch (IOException e) {
      throw new UncheckedIOException("invalid JSON value", e);
    }
  }

  /** Writes the bytes at the generator's position without any separator (used for whole lines). */
  public void writeRaw(JsonGenerator gen) throws IOException {
    if (length >= DIRECT_WRITE_THRESHOLD && gen.getOutputTarget() instanceof OutputStream out) {
      gen.flush();
      out.write(bytes, offset, length);
    } else {
      gen.writeRaw(new RawUtf8().of(bytes, offset, offset + length));
    }
  }

  /** Writes the bytes as a value (after the separator the generator owes, e.g. a colon). */
  @Override
  public void serialize(JsonGenerator gen, SerializerProvider serializers) throws IOException {
    if (length >= DIRECT_WRITE_THRESHOLD && gen.getOutputTarget() instanceof OutputStream) {
      gen.writeRawValue("");
      writeRaw(gen);
    } else {
      gen.writeRawValue(new RawUtf8().of(bytes, offset, offset + length));
    }
  }

  @Override
  public void serializeWithType(JsonGenerator gen, SerializerProvider serializers, TypeSerializer typeSer)
      throws IOException {
    serialize(gen, serializers);
  }

  @Override
  public String toString() {
    return new String(bytes, offset, length, StandardCharsets.UTF_8);
  }

  /** Content equality of the bytes (not of the JSON they spell). */
  @Override
  public boolean equals(Object o) {
    return o instanceof RawJson other
        && Arrays.equals(bytes, offset, offset + length, other.bytes, other.offset, other.offset + other.length);
  }

  @Override
  public int hashCode() {
    int h = 1;
    for (int i = offset; i < offset + length; i++) {
      h = 31 * h + bytes[i];
    }
    return h;
  }
}
