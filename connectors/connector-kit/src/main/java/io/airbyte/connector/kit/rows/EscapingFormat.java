package io.airbyte.connector.kit.rows;

import java.nio.ByteBuffer;

/**
 * A row format whose text and JSON values are UTF-8 with the ASCII characters it names escaped,
 * between quotes when it has them. NUL characters (which databases cannot hold) are left out of
 * text and reported; a JSON {@code \}{@code u0000} escape is reported.
 */
public abstract class EscapingFormat implements RowFormat {

  private final byte separator;
  private final byte quote;
  private final byte[][] escapes = new byte[128][];

  /**
   * @param separator the character between fields
   * @param quote the character text and JSON values stand between, or {@code '\0'} for none
   */
  protected EscapingFormat(char separator, char quote) {
    this.separator = (byte) separator;
    this.quote = (byte) quote;
  }

  @Override
  public final byte fieldSeparator() {
    return separator;
  }

  /** {@code ch} (ASCII) is written as {@code escaped} (ASCII, two characters at most). */
  protected final void escape(char ch, String escaped) {
    byte[] bytes = new byte[escaped.length()];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) escaped.charAt(i);
    }
    escapes[ch] = bytes;
  }

  @Override
  public final boolean text(Bytes out, char[] c, int offset, int count) {
    byte[] b = out.reserve(count * 3 + 8);
    int start = out.length();
    int at = start;
    boolean droppedNul = false;
    if (quote != 0) {
      b[at++] = quote;
    }
    int end = offset + count;
    for (int i = offset; i < end; i++) {
      char ch = c[i];
      if (ch >= 0x80) {
        at = Utf8.encode(c, i, end, b, at);
        if (Character.isHighSurrogate(ch) && i + 1 < end && Character.isLowSurrogate(c[i + 1])) {
          i++;
        }
      } else if (ch == 0) {
        droppedNul = true;
      } else {
        at = put(b, at, (byte) ch);
      }
    }
    if (quote != 0) {
      b[at++] = quote;
    }
    out.advance(at - start);
    return droppedNul;
  }

  @Override
  public final boolean json(Bytes out, ByteBuffer source, int from, int to) {
    byte[] b = out.reserve((to - from) * 2 + 2);
    int start = out.length();
    int at = start;
    boolean nulEscape = false;
    int backslashes = 0;
    if (quote != 0) {
      b[at++] = quote;
    }
    for (int i = from; i < to; i++) {
      byte x = source.get(i);
      if (x == 'u') {
        nulEscape |= Utf8.isNulEscape(source, i, to, backslashes);
      }
      at = put(b, at, x);
      backslashes = x == '\\' ? backslashes + 1 : 0;
    }
    if (quote != 0) {
      b[at++] = quote;
    }
    out.advance(at - start);
    return nulEscape;
  }

  private int put(byte[] b, int at, byte x) {
    byte[] escaped = x >= 0 ? escapes[x] : null;
    if (escaped == null) {
      b[at++] = x;
      return at;
    }
    for (byte e : escaped) {
      b[at++] = e;
    }
    return at;
  }
}
