package io.airbyte.protocol.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.airbyte.protocol.models.AirbyteMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Lines longer than the reader's bound are skipped as they stream by, naming their stream and size. */
class BoundedLineReaderTest {

  /** Hands out {@code prefix}, {@code fill} repeated {@code count} times, then {@code suffix}, in reads of 1..maxRead bytes, never all in memory. */
  private static final class GeneratedStream extends InputStream {
    private final InputStream inner;
    private final Random random = new Random(3);
    private final int maxRead;

    GeneratedStream(String prefix, byte fill, long count, String suffix, int maxRead) {
      InputStream repeated = new InputStream() {
        private long left = count;

        @Override
        public int read() {
          return left-- > 0 ? fill : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
          if (left <= 0) {
            return -1;
          }
          int n = (int) Math.min(len, left);
          java.util.Arrays.fill(b, off, off + n, fill);
          left -= n;
          return n;
        }
      };
      this.inner = new SequenceInputStream(Collections.enumeration(List.of(
          new java.io.ByteArrayInputStream(prefix.getBytes(StandardCharsets.UTF_8)), repeated,
          new java.io.ByteArrayInputStream(suffix.getBytes(StandardCharsets.UTF_8)))));
      this.maxRead = maxRead;
    }

    @Override
    public int read() throws IOException {
      return inner.read();
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      return inner.read(b, off, Math.min(len, 1 + random.nextInt(maxRead)));
    }
  }

  private static String record(String stream, String value) {
    return "{\"type\":\"RECORD\",\"record\":{\"stream\":\"" + stream + "\",\"data\":{\"v\":\"" + value + "\"},\"emitted_at\":1}}";
  }

  private static final String STATE = "{\"type\":\"STATE\",\"state\":{\"type\":\"LEGACY\",\"data\":{\"n\":1}}}";

  private static List<ProtocolLine> readAll(InputStream in, long maxLineBytes) throws IOException {
    AirbyteMessageReader reader = new AirbyteMessageReader(in, maxLineBytes);
    List<ProtocolLine> lines = new ArrayList<>();
    for (ProtocolLine line = reader.next(); line != null; line = reader.next()) {
      lines.add(line);
    }
    return lines;
  }

  @Test
  void aLineOverTheBoundIsSkippedWithItsStreamNamespaceAndSizeAndTheNextLinesAreRead() throws IOException {
    long valueBytes = 100L << 20;
    // the namespace after the data, as Airbyte's Java serializers write it
    String prefix = record("small", "a") + "\n" + "{\"type\":\"RECORD\",\"record\":{\"stream\":\"big\",\"data\":{\"v\":\"";
    String suffix = "\"},\"emitted_at\":1,\"namespace\":\"public\"}}\r\n" + STATE + "\n" + record("small", "b") + "\n";
    long bigLine = ("{\"type\":\"RECORD\",\"record\":{\"stream\":\"big\",\"data\":{\"v\":\"").length() + valueBytes
        + "\"},\"emitted_at\":1,\"namespace\":\"public\"}}".length();

    List<ProtocolLine> lines = readAll(new GeneratedStream(prefix, (byte) 'x', valueBytes, suffix, 200_000), 16L << 20);

    assertThat(lines).hasSize(4);
    assertThat(((ProtocolLine.Message) lines.get(0)).message().getRecord().getStream()).isEqualTo("small");
    ProtocolLine.TooLong tooLong = (ProtocolLine.TooLong) lines.get(1);
    assertThat(tooLong.lineNumber()).isEqualTo(2);
    assertThat(tooLong.type()).isEqualTo("RECORD");
    assertThat(tooLong.stream()).isEqualTo("big");
    assertThat(tooLong.namespace()).isEqualTo("public");
    assertThat(tooLong.bytes()).isBetween(bigLine, bigLine + 1); // with or without the \r
    assertThat(tooLong.maxBytes()).isEqualTo(16L << 20);
    assertThat(tooLong.describe()).isEqualTo("a RECORD of stream 'public.big'");
    assertThat(((ProtocolLine.Message) lines.get(2)).message().getType()).isEqualTo(AirbyteMessage.Type.STATE);
    assertThat(((ProtocolLine.Message) lines.get(3)).message().getRecord().getData().get("v").asText()).isEqualTo("b");
  }

  @Test
  void aHundredMegabyteLineIsSkippedInASmallHeap() throws IOException {
    // 100 MB through a reader bounded at 1 MB: what stays in memory is the bound, not the line
    long before = usedHeapAfterGc();
    String prefix = "{\"type\":\"RECORD\",\"record\":{\"namespace\":\"n\",\"stream\":\"s\",\"data\":{\"v\":\"";
    List<ProtocolLine> lines = readAll(new GeneratedStream(prefix, (byte) 'y', 100L << 20, "\"}}}\n" + STATE + "\n",
        1 << 16), 1L << 20);
    assertThat(lines).hasSize(2);
    assertThat(((ProtocolLine.TooLong) lines.get(0)).streamName()).isEqualTo("n.s");
    assertThat(usedHeapAfterGc() - before).isLessThan(50L << 20);
  }

  @Test
  void linesAtTheBoundAreReadAndOneByteMoreIsTooLong() throws IOException {
    String atBound = record("s", "z".repeat(100));
    int bound = atBound.getBytes(StandardCharsets.UTF_8).length;
    String over = record("s", "z".repeat(101));
    // in the read buffer, across reads, and as the last line without a terminator
    for (int maxRead : new int[] {1 << 20, 7}) {
      List<ProtocolLine> lines = readAll(new java.io.ByteArrayInputStream(
          (atBound + "\n" + over + "\n" + atBound + "\r\n" + over).getBytes(StandardCharsets.UTF_8)) {
        @Override
        public synchronized int read(byte[] b, int off, int len) {
          return super.read(b, off, Math.min(len, maxRead));
        }
      }, bound);
      assertThat(lines).hasSize(4);
      assertThat(lines.get(0)).isInstanceOf(ProtocolLine.Message.class);
      assertThat(((ProtocolLine.TooLong) lines.get(1)).bytes()).isEqualTo(bound + 1);
      assertThat(((ProtocolLine.TooLong) lines.get(1)).stream()).isEqualTo("s");
      assertThat(lines.get(2)).isInstanceOf(ProtocolLine.Message.class);
      assertThat(((ProtocolLine.TooLong) lines.get(3)).bytes()).isEqualTo(bound + 1);
    }
  }

  @Test
  void aLongLineGatheredInBlocksAndSpilledIsReadWholeUnderTheBoundAndStreamedOverIt() throws IOException {
    // 20 MB: past the buffer, the blocks and the spill threshold
    String prefix = "{\"type\":\"RECORD\",\"record\":{\"stream\":\"s\",\"data\":{\"v\":\"";
    long value = 20L << 20;
    List<ProtocolLine> under = readAll(new GeneratedStream(prefix, (byte) 'q', value, "\"}}}\n", 1 << 18), 32L << 20);
    assertThat(((ProtocolLine.Message) under.get(0)).message().getRecord().getData().get("v").asText()).hasSize((int) value);
    List<ProtocolLine> over = readAll(new GeneratedStream(prefix, (byte) 'q', value, "\"}}}\n" + STATE + "\n", 1 << 18),
        18L << 20);
    assertThat(((ProtocolLine.TooLong) over.get(0)).bytes()).isEqualTo(prefix.length() + value + 4);
    assertThat(((ProtocolLine.TooLong) over.get(0)).stream()).isEqualTo("s");
    assertThat(over.get(1)).isInstanceOf(ProtocolLine.Message.class);
  }

  @Test
  void aTooLongLineThatIsNotJsonIsStillSkippedAndCounted() throws IOException {
    List<ProtocolLine> lines = readAll(new GeneratedStream("not json ", (byte) 'w', 5000, "\n" + STATE + "\n", 100), 1000);
    ProtocolLine.TooLong tooLong = (ProtocolLine.TooLong) lines.get(0);
    assertThat(tooLong.bytes()).isEqualTo(5009);
    assertThat(tooLong.type()).isNull();
    assertThat(tooLong.describe()).isEqualTo("a line");
    assertThat(lines.get(1)).isInstanceOf(ProtocolLine.Message.class);
  }

  private static long usedHeapAfterGc() {
    Runtime runtime = Runtime.getRuntime();
    System.gc();
    return runtime.totalMemory() - runtime.freeMemory();
  }
}
