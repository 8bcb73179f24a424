package io.airbyte.protocol.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LineSplitterTest {

  /** Hands the bytes out in reads of 1..maxRead bytes, as a pipe does. */
  private static final class ChunkedStream extends InputStream {
    private final byte[] data;
    private final Random random;
    private final int maxRead;
    private int at;

    ChunkedStream(byte[] data, long seed, int maxRead) {
      this.data = data;
      this.random = new Random(seed);
      this.maxRead = maxRead;
    }

    @Override
    public int read() {
      return at < data.length ? data[at++] & 0xff : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (at == data.length) {
        return -1;
      }
      int n = Math.min(Math.min(len, data.length - at), 1 + random.nextInt(maxRead));
      System.arraycopy(data, at, b, off, n);
      at += n;
      return n;
    }
  }

  private static List<String> split(byte[] data, long seed, int maxRead) throws IOException {
    LineSplitter splitter = new LineSplitter(new ChunkedStream(data, seed, maxRead));
    List<String> lines = new ArrayList<>();
    byte[] line;
    while ((line = splitter.nextLine()) != null) {
      lines.add(new String(line, StandardCharsets.UTF_8));
    }
    assertThat(splitter.nextLine()).isNull();
    return lines;
  }

  @Test
  void linesCutByReadsOfAnySizeComeOutWhole() throws IOException {
    Random random = new Random(7);
    List<String> expected = new ArrayList<>();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = 0; i < 3000; i++) {
      int length = switch (i % 50) {
        case 0 -> 0;
        case 1 -> 64 * 1024 - 1 + random.nextInt(3); // around the buffer's size
        case 2 -> 300_000 + random.nextInt(1000); // several blocks
        default -> random.nextInt(900);
      };
      char[] chars = new char[length];
      for (int c = 0; c < length; c++) {
        chars[c] = (char) ('a' + random.nextInt(26));
      }
      String line = new String(chars);
      expected.add(line);
      out.writeBytes(line.getBytes(StandardCharsets.UTF_8));
      out.writeBytes(i % 3 == 0 ? new byte[] {'\r', '\n'} : new byte[] {'\n'});
    }
    byte[] data = out.toByteArray();
    for (int maxRead : new int[] {1, 7, 4096, 65536, 1 << 20}) {
      assertThat(split(data, maxRead, maxRead)).as("reads of up to %d bytes", maxRead).isEqualTo(expected);
    }
  }

  @Test
  void theLastLineNeedsNoTerminatorAndACarriageReturnBeforeANewlineIsDropped() throws IOException {
    byte[] data = "a\r\n\nb\rc\r\nlast\r".getBytes(StandardCharsets.UTF_8);
    for (int maxRead : new int[] {1, 2, 3, 100}) {
      assertThat(split(data, 1, maxRead)).containsExactly("a", "", "b\rc", "last");
    }
    assertThat(split(new byte[0], 1, 10)).isEmpty();
    assertThat(split("\n".getBytes(StandardCharsets.UTF_8), 1, 10)).containsExactly("");
  }

  @Test
  void aLongLineWhoseCarriageReturnEndsABufferIsTrimmed() throws IOException {
    byte[] line = new byte[64 * 1024 - 1];
    Arrays.fill(line, (byte) 'x');
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(line);
    out.writeBytes(new byte[] {'\r', '\n', 'y', '\n'});
    List<String> lines = split(out.toByteArray(), 1, 1 << 20);
    assertThat(lines).hasSize(2);
    assertThat(lines.get(0)).hasSize(line.length).doesNotContain("\r");
    assertThat(lines.get(1)).isEqualTo("y");
  }
}
