package io.airbyte.connector.kit.rows;

import java.nio.ByteBuffer;

/**
 * A row format whose text and JSON values are UTF-8 with the ASCII characters it names escaped,
 * between quotes when it has them. NUL characters (which databases cannot hold) are left out of
 * text and reported; a JSON {@code \}{@code u0000} escape is reported.
 */
public abstract class EscapingFormat implements RowFormat {

  private static final char NONE = 0xFFFF;

  private final byte separator;
  private final byte quote;
  // the printable characters escaped (at most two, NONE for none): every other printable one is written as it is
  private char printable0 = NONE;
  private char printable1 = NONE;
  // an escaped character's two bytes; 0: written as it is
  private final byte[] first = new byte[128];
  private final byte[] second = new byte[128];

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

  /**
   * {@code ch} is written as {@code escaped}: two ASCII characters. {@code ch} is a control
   * character other than NUL, or one of at most two printable ASCII characters.
   */
  protected final void escape(char ch, String escaped) {
    if (ch == 0 || ch >= 0x7F || escaped.length() != 2) {
      throw new IllegalArgumentException("an escape is an ASCII character other than NUL and DEL, written as two: " + escaped);
    }
    if (ch >= 0x20) {
      if (printable0 == NONE) {
        printable0 = ch;
      } else if (printable1 == NONE) {
        printable1 = ch;
      } else {
        throw new IllegalArgumentException("at most two printable characters are escaped");
      }
    }
    first[ch] = (byte) escaped.charAt(0);
    second[ch] = (byte) escaped.charAt(1);
  }

  @Override
  public final boolean text(Bytes out, char[] c, int offset, int count) {
    byte[] b = out.reserve(count * 3 + 8);
    char p0 = printable0;
    char p1 = printable1;
    int start = out.length();
    int at = start;
    boolean droppedNul = false;
    if (quote != 0) {
      b[at++] = quote;
    }
    int end = offset + count;
    for (int i = offset; i < end; i++) {
      char ch = c[i];
      if (ch >= 0x20 && ch < 0x7F && ch != p0 && ch != p1) {
        b[at++] = (byte) ch; // the common case: printable ASCII as it is
      } else if (ch >= 0x80) {
        at = Utf8.encode(c, i, end, b, at);
        if (Character.isHighSurrogate(ch) && i + 1 < end && Character.isLowSurrogate(c[i + 1])) {
          i++;
        }
      } else if (ch == 0) {
        droppedNul = true;
      } else {
        at = ascii(b, at, ch);
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
    char p0 = printable0;
    char p1 = printable1;
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
        b[at++] = x;
      } else if ((x >= 0x20 && x < 0x7F && x != p0 && x != p1) || x < 0) {
        b[at++] = x; // printable ASCII as it is, and the UTF-8 bytes of other characters
      } else {
        at = ascii(b, at, (char) x);
      }
      backslashes = x == '\\' ? backslashes + 1 : 0;
    }
    if (quote != 0) {
      b[at++] = quote;
    }
    out.advance(at - start);
    return nulEscape;
  }

  /** An ASCII character off the common path: escaped, or as it is. */
  private int ascii(byte[] b, int at, char ch) {
    byte escaped = first[ch];
    if (escaped == 0) {
      b[at++] = (byte) ch;
    } else {
      b[at++] = escaped;
      b[at++] = second[ch];
    }
    return at;
  }
}
