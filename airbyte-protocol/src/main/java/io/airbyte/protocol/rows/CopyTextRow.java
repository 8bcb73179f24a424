package io.airbyte.protocol.rows;

import java.nio.charset.StandardCharsets;

/**
 * One row of PostgreSQL's COPY text format: fields separated by tabs, {@code \N} for NULL,
 * backslash escapes for control characters and backslashes. Reused from row to row. It reads
 * {@code COPY … TO STDOUT} output and the lines of the {@link TypedRows} record format.
 */
public final class CopyTextRow {

  private byte[] row;
  private int[] starts = new int[16];
  private int[] ends = new int[16];
  private int fields;
  private byte[] scratch = new byte[256];

  /** Takes a row as {@code readFromCopy} returns it (with its trailing newline). */
  public void load(byte[] bytes) {
    row = bytes;
    int end = bytes.length > 0 && bytes[bytes.length - 1] == '\n' ? bytes.length - 1 : bytes.length;
    fields = 0;
    int start = 0;
    for (int i = 0; i <= end; i++) {
      if (i == end || bytes[i] == '\t') {
        if (fields == starts.length) {
          starts = java.util.Arrays.copyOf(starts, fields * 2);
          ends = java.util.Arrays.copyOf(ends, fields * 2);
        }
        starts[fields] = start;
        ends[fields] = i;
        fields++;
        start = i + 1;
      }
    }
  }

  public int fields() {
    return fields;
  }

  public boolean isNull(int field) {
    return ends[field] - starts[field] == 2 && row[starts[field]] == '\\' && row[starts[field] + 1] == 'N';
  }

  /** The raw (still escaped) bytes; their array is {@link #array()}. */
  public int start(int field) {
    return starts[field];
  }

  public int end(int field) {
    return ends[field];
  }

  public byte[] array() {
    return row;
  }

  /** Whether the field has no escapes, so its raw bytes are its value. */
  public boolean plain(int field) {
    for (int i = starts[field]; i < ends[field]; i++) {
      if (row[i] == '\\') {
        return false;
      }
    }
    return true;
  }

  /**
   * The field's value with COPY escapes resolved, in a scratch buffer valid until the next call;
   * its length is returned.
   */
  public int unescape(int field) {
    int length = ends[field] - starts[field];
    if (scratch.length < length) {
      scratch = new byte[Math.max(length, scratch.length * 2)];
    }
    int at = 0;
    for (int i = starts[field]; i < ends[field]; i++) {
      byte b = row[i];
      if (b != '\\' || i + 1 >= ends[field]) {
        scratch[at++] = b;
        continue;
      }
      byte next = row[++i];
      switch (next) {
        case 'b' -> scratch[at++] = '\b';
        case 'f' -> scratch[at++] = '\f';
        case 'n' -> scratch[at++] = '\n';
        case 'r' -> scratch[at++] = '\r';
        case 't' -> scratch[at++] = '\t';
        case 'v' -> scratch[at++] = 0x0B;
        case 'x' -> {
          int value = 0;
          int digits = 0;
          while (digits < 2 && i + 1 < ends[field] && hex(row[i + 1]) >= 0) {
            value = value * 16 + hex(row[++i]);
            digits++;
          }
          scratch[at++] = (byte) value;
        }
        default -> {
          if (next >= '0' && next <= '7') {
            int value = next - '0';
            for (int d = 0; d < 2 && i + 1 < ends[field] && row[i + 1] >= '0' && row[i + 1] <= '7'; d++) {
              value = value * 8 + (row[++i] - '0');
            }
            scratch[at++] = (byte) value;
          } else {
            scratch[at++] = next; // \\ and any other escaped character stand for themselves
          }
        }
      }
    }
    return at;
  }

  public byte[] scratch() {
    return scratch;
  }

  /** The field's value as a string (null for NULL). */
  public String string(int field) {
    if (isNull(field)) {
      return null;
    }
    int length = unescape(field);
    return new String(scratch, 0, length, StandardCharsets.UTF_8);
  }

  private static int hex(byte b) {
    if (b >= '0' && b <= '9') {
      return b - '0';
    }
    if (b >= 'a' && b <= 'f') {
      return b - 'a' + 10;
    }
    if (b >= 'A' && b <= 'F') {
      return b - 'A' + 10;
    }
    return -1;
  }
}
