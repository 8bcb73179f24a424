package io.airbyte.protocol.rows;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Builds one line of the {@link TypedRows} format in a buffer reused from line to line: the
 * mark, then tab-separated fields in COPY text escaping.
 */
public final class TypedRowBuilder {

  private static final byte[] NULL = {'\\', 'N'};

  private byte[] buffer = new byte[1024];
  private int length;

  /** Starts a row line of stream {@code ref}. */
  public TypedRowBuilder row(int ref, long emittedAt) {
    start(TypedRows.ROW);
    number(ref);
    number(emittedAt);
    return this;
  }

  /** Starts a stream line (its fields follow). */
  public TypedRowBuilder stream(int ref) {
    start(TypedRows.STREAM);
    number(ref);
    return this;
  }

  /** A field whose bytes are already in COPY text escaping (as {@code COPY … TO STDOUT} writes them). */
  public TypedRowBuilder escaped(byte[] bytes, int from, int to) {
    ensure(to - from + 1);
    buffer[length++] = '\t';
    System.arraycopy(bytes, from, buffer, length, to - from);
    length += to - from;
    return this;
  }

  /** A field of UTF-8 text, escaped here. */
  public TypedRowBuilder text(byte[] utf8, int from, int to) {
    ensure(2 * (to - from) + 1);
    buffer[length++] = '\t';
    for (int i = from; i < to; i++) {
      byte b = utf8[i];
      switch (b) {
        case '\\' -> {
          buffer[length++] = '\\';
          buffer[length++] = '\\';
        }
        case '\t' -> {
          buffer[length++] = '\\';
          buffer[length++] = 't';
        }
        case '\n' -> {
          buffer[length++] = '\\';
          buffer[length++] = 'n';
        }
        case '\r' -> {
          buffer[length++] = '\\';
          buffer[length++] = 'r';
        }
        default -> buffer[length++] = b;
      }
    }
    return this;
  }

  /** A field of text (null: NULL). */
  public TypedRowBuilder text(String text) {
    if (text == null) {
      return nullValue();
    }
    byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
    return text(utf8, 0, utf8.length);
  }

  public TypedRowBuilder nullValue() {
    return escaped(NULL, 0, NULL.length);
  }

  /** The line built so far, without a newline: valid until the next line starts. */
  public byte[] array() {
    return buffer;
  }

  public int length() {
    return length;
  }

  /** A copy of the line. */
  public byte[] toLine() {
    return Arrays.copyOf(buffer, length);
  }

  private void start(byte type) {
    length = 0;
    ensure(2);
    buffer[length++] = TypedRows.MARK;
    buffer[length++] = type;
  }

  private void number(long value) {
    ensure(21);
    buffer[length++] = '\t';
    if (value == 0) {
      buffer[length++] = '0';
      return;
    }
    if (value < 0) {
      if (value == Long.MIN_VALUE) {
        byte[] min = Long.toString(value).getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(min, 0, buffer, length, min.length);
        length += min.length;
        return;
      }
      buffer[length++] = '-';
      value = -value;
    }
    int digits = 0;
    for (long v = value; v > 0; v /= 10) {
      digits++;
    }
    for (int i = length + digits - 1; i >= length; i--) {
      buffer[i] = (byte) ('0' + value % 10);
      value /= 10;
    }
    length += digits;
  }

  private void ensure(int more) {
    if (length + more > buffer.length) {
      buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + more));
    }
  }
}
