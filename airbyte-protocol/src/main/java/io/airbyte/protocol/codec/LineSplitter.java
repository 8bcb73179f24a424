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
 *
 * <p>A line longer than {@code maxLineBytes} is never assembled: {@link #nextLine} answers {@link
 * #TOO_LONG} and {@link #tooLongLine} streams that line (what was gathered, then the rest as it is
 * read), so that its beginning can be looked at and the rest skipped in constant memory.
 */
final class LineSplitter {

  private static final int BUFFER_SIZE = 64 * 1024;
  // well under half a G1 region, so blocks are ordinary objects, not humongous ones wasting a region each
  private static final int BLOCK_SIZE = 256 * 1024;
  static final long SPILL_BYTES = 16L << 20;
  /** What {@link #nextLine} answers for a line longer than the bound (compare by identity). */
  static final byte[] TOO_LONG = new byte[0];

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
  private final long maxLineBytes;
  private TooLongLine tooLong;

  LineSplitter(InputStream in) {
    this(in, Long.MAX_VALUE);
  }

  /** @param maxLineBytes the longest line (without its terminator) that is assembled */
  LineSplitter(InputStream in, long maxLineBytes) {
    if (maxLineBytes < 1) {
      throw new IllegalArgumentException("maxLineBytes must be positive, not " + maxLineBytes);
    }
    this.in = in;
    this.maxLineBytes = maxLineBytes;
  }

  /**
   * The next line without its terminator, or null at the end of the input. A line that a read cut
   * short is moved to the front of the buffer and completed by the next read (pipes hand out a few KB
   * at a time, so this is most lines' ends); only a line longer than the buffer goes to blocks.
   */
  byte[] nextLine() throws IOException {
    if (tooLong != null) {
      tooLong.skipRest();
    }
    boolean partial = false; // the line's start is in the blocks
    int scanned = position; // [position, scanned) holds no newline
    while (true) {
      int newline = indexOfNewline(scanned, limit);
      if (newline >= 0) {
        int start = position;
        position = newline + 1;
        if (!partial) {
          int end = trimCarriageReturn(buffer, start, newline);
          if (end - start > maxLineBytes) {
            return tooLong(Arrays.copyOfRange(buffer, start, end), false);
          }
          return Arrays.copyOfRange(buffer, start, end);
        }
        append(buffer, start, newline);
        return finishBounded();
      }
      if (position > 0) {
        // make room after the line's start
        int kept = limit - position;
        System.arraycopy(buffer, position, buffer, 0, kept);
        position = 0;
        limit = kept;
      } else if (limit == buffer.length) {
        // a line longer than the buffer
        append(buffer, 0, limit);
        limit = 0;
        partial = true;
        if (gathered() - 1 > maxLineBytes) { // + 1: the line may end in a \r that is not part of it
          return tooLong(null, true);
        }
      }
      scanned = limit;
      if (!fill()) {
        if (partial) {
          append(buffer, position, limit);
          position = limit;
          return finishBounded();
        }
        if (position < limit) {
          // the last line has no terminator
          int start = position;
          position = limit;
          int end = trimCarriageReturn(buffer, start, limit);
          if (end - start > maxLineBytes) {
            return tooLong(Arrays.copyOfRange(buffer, start, end), false);
          }
          return Arrays.copyOfRange(buffer, start, end);
        }
        return null;
      }
    }
  }

  /**
   * The line {@link #nextLine} answered {@link #TOO_LONG} for, as a stream of its bytes (without the
   * terminator): what was gathered, then the rest as it is read. Valid until the next {@link
   * #nextLine}, which skips what was not read of it.
   */
  TooLongLine tooLongLine() {
    if (tooLong == null) {
      throw new IllegalStateException("the last line was not too long");
    }
    return tooLong;
  }

  /** The gathered line, complete: assembled, or streamed when it is too long. */
  private byte[] finishBounded() throws IOException {
    if (gathered() - 1 > maxLineBytes) {
      return tooLong(null, false);
    }
    byte[] line = finishPartial();
    return line.length > maxLineBytes ? tooLong(line, false) : line;
  }

  private long gathered() {
    return spilled + (blocks.isEmpty() ? 0 : (long) (blocks.size() - 1) * BLOCK_SIZE + blockFill);
  }

  /**
   * @param whole the line, when it is all in hand (else it is in the blocks and the spill file)
   * @param continues whether the rest of the line is still to be read from the input
   */
  private byte[] tooLong(byte[] whole, boolean continues) throws IOException {
    tooLong = new TooLongLine(whole, continues);
    return TOO_LONG;
  }

  /** A line longer than the bound, read as a stream: the caller looks at its beginning, the splitter skips the rest. */
  final class TooLongLine extends InputStream {

    private byte[] head; // the gathered part being served
    private int headAt;
    private long spillAt; // next byte of the spill file to serve
    private int blockIndex;
    private boolean continues;
    private boolean done;
    private long length;

    private TooLongLine(byte[] whole, boolean continues) {
      this.head = whole;
      this.continues = continues;
    }

    /** Bytes of the line served so far; its whole length once {@link #skipRest} returned. */
    long length() {
      return length;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      int n = read(one, 0, 1);
      return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (len == 0) {
        return 0;
      }
      while (!done) {
        int n = readSome(b, off, len);
        if (n > 0) {
          length += n;
          return n;
        }
      }
      return -1;
    }

    private int readSome(byte[] b, int off, int len) throws IOException {
      if (head != null) {
        if (headAt < head.length) {
          int n = Math.min(len, head.length - headAt);
          System.arraycopy(head, headAt, b, off, n);
          headAt += n;
          return n;
        }
        head = null;
        if (blocks.isEmpty() && spill == null) {
          return rest(b, off, len);
        }
        return 0;
      }
      if (spill != null && spillAt < spilled) {
        ByteBuffer target = ByteBuffer.wrap(b, off, (int) Math.min(len, spilled - spillAt));
        int n = spill.read(target, spillAt);
        if (n < 0) {
          throw new IOException("the spill file of a long line ended early");
        }
        spillAt += n;
        return n;
      }
      if (blockIndex < blocks.size()) {
        byte[] block = blocks.get(blockIndex);
        int fill = blockIndex == blocks.size() - 1 ? blockFill : BLOCK_SIZE;
        blocks.set(blockIndex++, null);
        head = Arrays.copyOf(block, fill);
        headAt = 0;
        return 0;
      }
      return rest(b, off, len);
    }

    /** The part of the line still in the input, up to its terminator. */
    private int rest(byte[] b, int off, int len) throws IOException {
      if (!blocks.isEmpty() || spill != null) {
        LineSplitter.this.reset();
      }
      if (!continues) {
        done = true;
        return -1;
      }
      if (position == limit) {
        position = 0;
        limit = 0;
        if (!fill()) {
          continues = false;
          done = true;
          return -1;
        }
      }
      int newline = indexOfNewline(position, limit);
      int end = newline >= 0 ? newline : limit;
      int n = Math.min(len, end - position);
      System.arraycopy(buffer, position, b, off, n);
      position += n;
      if (newline >= 0 && position == newline) {
        position++;
        continues = false;
      }
      return n;
    }

    /** Reads the line to its end without keeping it. */
    void skipRest() throws IOException {
      byte[] sink = new byte[BUFFER_SIZE];
      while (read(sink, 0, sink.length) >= 0) {
        // discarded
      }
      tooLong = null;
    }

    /** Left to the splitter, which skips the rest at the next line. */
    @Override
    public void close() {}
  }

  /** Reads more after {@code limit}; false at the end of the input. */
  private boolean fill() throws IOException {
    if (endOfInput) {
      return false;
    }
    int n;
    do {
      n = in.read(buffer, limit, buffer.length - limit);
    } while (n == 0);
    if (n < 0) {
      endOfInput = true;
      return false;
    }
    limit += n;
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
