package io.airbyte.connectors.destination.postgres;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * A growable byte buffer that writes PostgreSQL COPY text format: UTF-8, with backslash, tab,
 * newline and carriage return escaped. Reused row after row, so the hot path allocates nothing.
 */
final class CopyText {

  private byte[] bytes;
  private int length;

  CopyText(int capacity) {
    bytes = new byte[capacity];
  }

  int length() {
    return length;
  }

  byte[] array() {
    return bytes;
  }

  void clear() {
    length = 0;
  }

  void append(CopyText other) {
    ensure(other.length);
    System.arraycopy(other.bytes, 0, bytes, length, other.length);
    length += other.length;
  }

  void put(byte b) {
    ensure(1);
    bytes[length++] = b;
  }

  /** ASCII text that needs no escaping (numbers, booleans, UUIDs, timestamps we format). */
  void putAscii(String s) {
    int n = s.length();
    ensure(n);
    for (int i = 0; i < n; i++) {
      bytes[length++] = (byte) s.charAt(i);
    }
  }

  void putAscii(char[] c, int offset, int count) {
    ensure(count);
    for (int i = 0; i < count; i++) {
      bytes[length++] = (byte) c[offset + i];
    }
  }

  void putEscaped(String s) {
    char[] c = s.toCharArray();
    putEscaped(c, 0, c.length);
  }

  /**
   * Characters as escaped UTF-8. NUL characters, which PostgreSQL text cannot hold, are left out.
   *
   * @return whether a NUL character was left out
   */
  boolean putEscaped(char[] c, int offset, int count) {
    ensure(count * 3 + 8);
    boolean droppedNul = false;
    byte[] b = bytes;
    int at = length;
    int end = offset + count;
    for (int i = offset; i < end; i++) {
      char ch = c[i];
      if (ch >= 0x20 && ch < 0x7F && ch != '\\') {
        b[at++] = (byte) ch; // the common case: printable ASCII
      } else if (ch < 0x80) {
        switch (ch) {
          case '\\' -> {
            b[at++] = '\\';
            b[at++] = '\\';
          }
          case '\t' -> {
            b[at++] = '\\';
            b[at++] = 't';
          }
          case '\n' -> {
            b[at++] = '\\';
            b[at++] = 'n';
          }
          case '\r' -> {
            b[at++] = '\\';
            b[at++] = 'r';
          }
          case 0 -> droppedNul = true;
          default -> b[at++] = (byte) ch;
        }
      } else if (ch < 0x800) {
        b[at++] = (byte) (0xC0 | (ch >> 6));
        b[at++] = (byte) (0x80 | (ch & 0x3F));
      } else if (Character.isHighSurrogate(ch) && i + 1 < end && Character.isLowSurrogate(c[i + 1])) {
        int cp = Character.toCodePoint(ch, c[++i]);
        b[at++] = (byte) (0xF0 | (cp >> 18));
        b[at++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
        b[at++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
        b[at++] = (byte) (0x80 | (cp & 0x3F));
      } else if (Character.isSurrogate(ch)) {
        // an unpaired surrogate is not valid UTF-8: store U+FFFD, as a text decoder would
        b[at++] = (byte) 0xEF;
        b[at++] = (byte) 0xBF;
        b[at++] = (byte) 0xBD;
      } else {
        b[at++] = (byte) (0xE0 | (ch >> 12));
        b[at++] = (byte) (0x80 | ((ch >> 6) & 0x3F));
        b[at++] = (byte) (0x80 | (ch & 0x3F));
      }
    }
    length = at;
    return droppedNul;
  }

  /**
   * UTF-8 bytes (raw JSON) as escaped COPY text.
   *
   * @return whether the bytes hold a JSON {@code \u0000} escape, which PostgreSQL's jsonb rejects
   */
  boolean putEscapedUtf8(ByteBuffer source, int from, int to) {
    ensure((to - from) * 2);
    boolean nulEscape = false;
    byte[] b = bytes;
    int at = length;
    int backslashes = 0;
    for (int i = from; i < to; i++) {
      byte x = source.get(i);
      switch (x) {
        case '\\' -> {
          b[at++] = '\\';
          b[at++] = '\\';
          backslashes++;
          continue;
        }
        case '\t' -> {
          b[at++] = '\\';
          b[at++] = 't';
        }
        case '\n' -> {
          b[at++] = '\\';
          b[at++] = 'n';
        }
        case '\r' -> {
          b[at++] = '\\';
          b[at++] = 'r';
        }
        case 'u' -> {
          if (backslashes % 2 == 1 && i + 4 < to && source.get(i + 1) == '0' && source.get(i + 2) == '0'
              && source.get(i + 3) == '0' && source.get(i + 4) == '0') {
            nulEscape = true;
          }
          b[at++] = x;
        }
        default -> b[at++] = x;
      }
      backslashes = 0;
    }
    length = at;
    return nulEscape;
  }

  private void ensure(int extra) {
    if (length + extra > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + extra));
    }
  }
}
