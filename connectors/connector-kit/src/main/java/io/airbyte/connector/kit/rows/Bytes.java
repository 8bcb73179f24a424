package io.airbyte.connector.kit.rows;

import java.util.Arrays;

/** A growable byte buffer, reused row after row, so encoding rows allocates nothing on the hot path. */
public final class Bytes {

  private byte[] bytes;
  private int length;

  public Bytes(int capacity) {
    bytes = new byte[capacity];
  }

  public int length() {
    return length;
  }

  /** The backing array: bytes {@code [0, length())} are the content. */
  public byte[] array() {
    return bytes;
  }

  public void clear() {
    length = 0;
  }

  public void put(byte b) {
    ensure(1);
    bytes[length++] = b;
  }

  public void append(Bytes other) {
    ensure(other.length);
    System.arraycopy(other.bytes, 0, bytes, length, other.length);
    length += other.length;
  }

  /** ASCII characters, one byte each. */
  public void putAscii(String s) {
    int n = s.length();
    ensure(n);
    for (int i = 0; i < n; i++) {
      bytes[length++] = (byte) s.charAt(i);
    }
  }

  /** ASCII characters, one byte each. */
  public void putAscii(char[] c, int offset, int count) {
    ensure(count);
    for (int i = 0; i < count; i++) {
      bytes[length++] = (byte) c[offset + i];
    }
  }

  /** Makes room for {@code extra} more bytes and returns the array to write them at {@link #length()}. */
  public byte[] reserve(int extra) {
    ensure(extra);
    return bytes;
  }

  /** Declares bytes written directly into {@link #reserve}'s array. */
  public void advance(int count) {
    length += count;
  }

  private void ensure(int extra) {
    if (length + extra > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + extra));
    }
  }
}
