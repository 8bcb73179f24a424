package io.airbyte.protocol.codec;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Splits a byte stream into lines ({@code \n} or {@code \r\n}). Each line is handed out in an array
 * of its own that the caller may keep. Memory is one read buffer plus the current line: a line that
 * does not fit in the buffer is gathered in fixed-size blocks; past {@link #SPILL_BYTES} the blocks
 * go to a temporary file, so that a very large line costs its own size in memory once assembled,
 * not twice.
 */
final class LineSplitter {

  private static final int BUFFER_SIZE = 64 * 1024;
  // well under half a G1 region, so blocks are ordinary objects, not humongous ones wasting a region each
  private static final int BLOCK_SIZE = 256 * 1024;
  static final long SPILL_BYTES = 16L << 20;

  private final InputStream in;
  private final byte[] buffer = new byte[BUFFER_SIZE];
  private int position;
  private int limit;
  private boolean endOfInput;

  private final List<byte[]> blocks = new ArrayList<>();
  private byte[] block;
  private int blockFill;
  private Path spillFile;
  private FileChannel spill;
  private long spilled;

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

  private void append(byte[] source, int from, int to) throws IOException {
    while (from < to) {
      if (block == null || blockFill == block.length) {
        if ((long) blocks.size() * BLOCK_SIZE >= SPILL_BYTES) {
          spillBlocks();
        }
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

  /** Moves the gathered (full) blocks to the spill file and lets them go. */
  private void spillBlocks() throws IOException {
    if (spill == null) {
      spillFile = Files.createTempFile("airbyte-long-line-", ".bin");
      spill = FileChannel.open(spillFile, StandardOpenOption.READ, StandardOpenOption.WRITE,
          StandardOpenOption.DELETE_ON_CLOSE);
    }
    for (byte[] full : blocks) {
      ByteBuffer chunk = ByteBuffer.wrap(full);
      while (chunk.hasRemaining()) {
        spill.write(chunk, spilled + chunk.position());
      }
      spilled += full.length;
    }
    blocks.clear();
    block = null;
  }

  private byte[] finishPartial() throws IOException {
    if (blockFill > 0 && block[blockFill - 1] == '\r') {
      blockFill--;
    } else if (blockFill == 0 && blocks.isEmpty() && spilled > 0) {
      throw new IllegalStateException("a spilled line always ends in a block");
    }
    long inBlocks = blocks.isEmpty() ? 0 : (long) (blocks.size() - 1) * BLOCK_SIZE + blockFill;
    long total = spilled + inBlocks;
    if (total > Integer.MAX_VALUE - 16) {
      reset();
      throw new LineTooLongException(total);
    }
    byte[] line = new byte[(int) total];
    int at = 0;
    if (spill != null) {
      ByteBuffer target = ByteBuffer.wrap(line, 0, (int) spilled);
      while (target.hasRemaining()) {
        if (spill.read(target, target.position()) < 0) {
          throw new IOException("the spill file of a long line ended early");
        }
      }
      at = (int) spilled;
    }
    for (int i = 0; i < blocks.size(); i++) {
      byte[] b = blocks.get(i);
      int n = i == blocks.size() - 1 ? blockFill : BLOCK_SIZE;
      System.arraycopy(b, 0, line, at, n);
      blocks.set(i, null);
      at += n;
    }
    reset();
    return line;
  }

  private void reset() throws IOException {
    blocks.clear();
    block = null;
    blockFill = 0;
    spilled = 0;
    if (spill != null) {
      spill.close();
      spill = null;
      Files.deleteIfExists(spillFile);
      spillFile = null;
    }
  }

  /** A line longer than a Java array can hold (2 GB). */
  static final class LineTooLongException extends RuntimeException {
    LineTooLongException(long length) {
      super("line of " + length + " bytes is longer than the 2 GB a line may have");
    }
  }
}
