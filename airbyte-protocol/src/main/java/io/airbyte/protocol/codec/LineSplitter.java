package io.airbyte.protocol.codec;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Splits a byte stream into lines ({@code \n} or {@code \r\n}). Each line is handed out in an array
 * of its own that the caller may keep. Memory is one read buffer plus the current line: a line that
 * does not fit in the buffer is gathered in fixed-size blocks and copied once into its exact size,
 * so a 100 MB line costs about twice its size at the peak, never a growing series of copies.
 */
final class LineSplitter {

  private static final int BUFFER_SIZE = 64 * 1024;
  // well under half a G1 region, so blocks are ordinary objects, not humongous ones wasting a region each
  private static final int BLOCK_SIZE = 256 * 1024;

  private final InputStream in;
  private final byte[] buffer = new byte[BUFFER_SIZE];
  private int position;
  private int limit;
  private boolean endOfInput;

  private final List<byte[]> blocks = new ArrayList<>();
  private byte[] block;
  private int blockFill;

  LineSplitter(InputStream in) {
    this.in = in;
  }

  /** The next line without its terminator, or null at the end of the input. */
  byte[] nextLine() throws IOException {
    boolean partial = false;
    while (true) {
      if (position == limit && !fill()) {
        return partial ? finishPartial() : null;
      }
      int newline = indexOfNewline(position, limit);
      if (newline >= 0) {
        int start = position;
        position = newline + 1;
        if (!partial) {
          return Arrays.copyOfRange(buffer, start, trimCarriageReturn(buffer, start, newline));
        }
        append(buffer, start, newline);
        return finishPartial();
      }
      append(buffer, position, limit);
      position = limit;
      partial = true;
    }
  }

  private boolean fill() throws IOException {
    if (endOfInput) {
      return false;
    }
    int n;
    do {
      n = in.read(buffer, 0, buffer.length);
    } while (n == 0);
    if (n < 0) {
      endOfInput = true;
      return false;
    }
    position = 0;
    limit = n;
    return true;
  }

  private int indexOfNewline(int from, int to) {
    byte[] b = buffer;
    for (int i = from; i < to; i++) {
      if (b[i] == '\n') {
        return i;
      }
    }
    return -1;
  }

  private static int trimCarriageReturn(byte[] bytes, int start, int end) {
    return end > start && bytes[end - 1] == '\r' ? end - 1 : end;
  }

  private void append(byte[] source, int from, int to) {
    while (from < to) {
      if (block == null || blockFill == block.length) {
        block = new byte[BLOCK_SIZE];
        blocks.add(block);
        blockFill = 0;
      }
      int n = Math.min(to - from, block.length - blockFill);
      System.arraycopy(source, from, block, blockFill, n);
      blockFill += n;
      from += n;
    }
  }

  private byte[] finishPartial() {
    if (blockFill > 0 && block[blockFill - 1] == '\r') {
      blockFill--;
    }
    long total = (long) (blocks.size() - 1) * BLOCK_SIZE + blockFill;
    if (total > Integer.MAX_VALUE - 16) {
      blocks.clear();
      block = null;
      throw new LineTooLongException(total);
    }
    byte[] line = new byte[(int) total];
    int at = 0;
    for (int i = 0; i < blocks.size(); i++) {
      byte[] b = blocks.get(i);
      int n = i == blocks.size() - 1 ? blockFill : BLOCK_SIZE;
      System.arraycopy(b, 0, line, at, n);
      blocks.set(i, null);
      at += n;
    }
    blocks.clear();
    block = null;
    blockFill = 0;
    return line;
  }

  /** A line longer than a Java array can hold (2 GB). */
  static final class LineTooLongException extends RuntimeException {
    LineTooLongException(long length) {
      super("line of " + length + " bytes is longer than the 2 GB a line may have");
    }
  }
}
