package io.airbyte.connectors.destination.postgres;

import io.airbyte.connector.kit.rows.Bytes;
import io.airbyte.connector.kit.rows.RowFormat;
import io.airbyte.connector.kit.rows.Utf8;
import io.airbyte.connector.kit.typing.AirbyteType;
import java.nio.ByteBuffer;

/**
 * PostgreSQL's COPY text format: tab-separated, {@code \N} for NULL, backslash, tab, newline and
 * carriage return escaped; UTF-8. Values go as PostgreSQL's input functions read them.
 */
final class CopyTextFormat implements RowFormat {

  static final CopyTextFormat INSTANCE = new CopyTextFormat();

  @Override
  public byte fieldSeparator() {
    return '\t';
  }

  @Override
  public void nullValue(Bytes out) {
    out.put((byte) '\\');
    out.put((byte) 'N');
  }

  @Override
  public void plain(Bytes out, char[] chars, int offset, int length) {
    out.putAscii(chars, offset, length);
  }

  @Override
  public void temporal(Bytes out, AirbyteType type, char[] chars, int offset, int length) {
    out.putAscii(chars, offset, length);
  }

  @Override
  public void bool(Bytes out, boolean value) {
    out.put((byte) (value ? 't' : 'f'));
  }

  @Override
  public boolean text(Bytes out, char[] c, int offset, int count) {
    byte[] b = out.reserve(count * 3 + 8);
    int at = out.length();
    int start = at;
    boolean droppedNul = false;
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
      } else {
        at = Utf8.encode(c, i, end, b, at);
        if (Character.isHighSurrogate(ch) && i + 1 < end && Character.isLowSurrogate(c[i + 1])) {
          i++;
        }
      }
    }
    out.advance(at - start);
    return droppedNul;
  }

  @Override
  public boolean json(Bytes out, ByteBuffer source, int from, int to) {
    byte[] b = out.reserve((to - from) * 2);
    int at = out.length();
    int start = at;
    boolean nulEscape = false;
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
          nulEscape |= Utf8.isNulEscape(source, i, to, backslashes);
          b[at++] = x;
        }
        default -> b[at++] = x;
      }
      backslashes = 0;
    }
    out.advance(at - start);
    return nulEscape;
  }
}
