package io.airbyte.connector.kit.rows;

import java.nio.ByteBuffer;

/** UTF-8 helpers for row formats. */
public final class Utf8 {

  private Utf8() {}

  /**
   * Encodes the character at {@code c[i]} (with its low surrogate when it is a high one) into
   * {@code out} at {@code at}; an unpaired surrogate becomes U+FFFD, as a text decoder would make it.
   *
   * @return the position after the bytes written
   */
  public static int encode(char[] c, int i, int end, byte[] out, int at) {
    char ch = c[i];
    if (ch < 0x80) {
      out[at++] = (byte) ch;
    } else if (ch < 0x800) {
      out[at++] = (byte) (0xC0 | (ch >> 6));
      out[at++] = (byte) (0x80 | (ch & 0x3F));
    } else if (Character.isHighSurrogate(ch) && i + 1 < end && Character.isLowSurrogate(c[i + 1])) {
      int cp = Character.toCodePoint(ch, c[i + 1]);
      out[at++] = (byte) (0xF0 | (cp >> 18));
      out[at++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
      out[at++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
      out[at++] = (byte) (0x80 | (cp & 0x3F));
    } else if (Character.isSurrogate(ch)) {
      out[at++] = (byte) 0xEF;
      out[at++] = (byte) 0xBF;
      out[at++] = (byte) 0xBD;
    } else {
      out[at++] = (byte) (0xE0 | (ch >> 12));
      out[at++] = (byte) (0x80 | ((ch >> 6) & 0x3F));
      out[at++] = (byte) (0x80 | (ch & 0x3F));
    }
    return at;
  }

  /**
   * Whether the {@code u} at {@code i} starts a JSON {@code \u0000} escape: it follows an odd
   * number of backslashes and is followed by four zeros.
   */
  public static boolean isNulEscape(ByteBuffer source, int i, int to, int precedingBackslashes) {
    return precedingBackslashes % 2 == 1 && i + 4 < to && source.get(i + 1) == '0' && source.get(i + 2) == '0'
        && source.get(i + 3) == '0' && source.get(i + 4) == '0';
  }
}
