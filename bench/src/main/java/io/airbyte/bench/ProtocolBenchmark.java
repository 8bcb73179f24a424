package io.airbyte.bench;

import io.airbyte.protocol.codec.AirbyteMessageReader;
import io.airbyte.protocol.codec.AirbyteMessageWriter;
import io.airbyte.protocol.codec.ProtocolLine;
import io.airbyte.protocol.models.AirbyteMessage;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.UUID;

/**
 * Throughput of the JSON-lines codec on RECORD messages shaped like the rows of bench_events
 * (../shared/bench/bench_events.sql), on one thread. Prints one line per case and, last, the
 * RESULT line of the read (parse) case.
 *
 * <p>Usage: {@code ProtocolBenchmark ROWS FILE}; the file is generated when missing.
 */
public final class ProtocolBenchmark {

  private static final String[] EVENT_TYPES = {"click", "view", "purchase", "signup", "logout"};
  private static final BigDecimal SEVEN = BigDecimal.valueOf(7);
  private static final Instant START = Instant.parse("2024-01-01T00:00:00Z");

  public static void main(String[] args) throws Exception {
    long rows = Long.parseLong(args[0]);
    Path file = Path.of(args[1]);
    if (!Files.exists(file) || lineCount(file) != rows) {
      Measure generate = Measure.start();
      generate(file, rows);
      generate.report("generate", rows, Files.size(file));
    }
    long bytes = Files.size(file);
    Measure read = null;
    for (int round = 0; round < 2; round++) { // the first round warms the JIT up; the second is reported
      Measure.resetPeaks();
      read = Measure.start();
      check(rows, readOnly(file));
      read.stop();
    }
    read.report("read", rows, bytes);

    Measure readWrite = null;
    for (int round = 0; round < 2; round++) {
      Measure.resetPeaks();
      readWrite = Measure.start();
      check(rows, readAndWrite(file, false));
      readWrite.stop();
    }
    readWrite.report("read_write", rows, bytes);

    Measure passThrough = Measure.start();
    check(rows, readAndWrite(file, true));
    passThrough.stop();
    passThrough.report("read_passthrough", rows, bytes);

    Measure tree = Measure.start();
    check(rows, readIntoTrees(file));
    tree.stop();
    tree.report("read_data_tree", rows, bytes);

    System.out.println(read.resultLine("protocol", rows, bytes));
  }

  private static void check(long expected, long actual) {
    if (expected != actual) {
      throw new IllegalStateException("read " + actual + " messages, expected " + expected);
    }
  }

  /** Parses every line into a message; record data stays raw (validated, not turned into a tree). */
  static long readOnly(Path file) throws IOException {
    long messages = 0;
    try (AirbyteMessageReader reader = new AirbyteMessageReader(input(file))) {
      for (ProtocolLine line = reader.next(); line != null; line = reader.next()) {
        if (line instanceof ProtocolLine.Message m && m.message().getType() == AirbyteMessage.Type.RECORD) {
          messages++;
        }
      }
    }
    return messages;
  }

  /** Reads and writes every message: re-serialized through the model, or passed through as its line. */
  static long readAndWrite(Path file, boolean passThrough) throws IOException {
    long messages = 0;
    try (AirbyteMessageReader reader = new AirbyteMessageReader(input(file));
        AirbyteMessageWriter writer = new AirbyteMessageWriter(OutputStream.nullOutputStream())) {
      for (ProtocolLine line = reader.next(); line != null; line = reader.next()) {
        ProtocolLine.Message m = (ProtocolLine.Message) line;
        if (passThrough) {
          writer.writeLine(m.line());
        } else {
          writer.write(m.message());
        }
        messages++;
      }
    }
    return messages;
  }

  /** Reads every message and parses its data into a tree, as a naive consumer would. */
  static long readIntoTrees(Path file) throws IOException {
    long messages = 0;
    try (AirbyteMessageReader reader = new AirbyteMessageReader(input(file))) {
      for (ProtocolLine line = reader.next(); line != null; line = reader.next()) {
        if (((ProtocolLine.Message) line).message().getRecord().getData().size() == 10) {
          messages++;
        }
      }
    }
    return messages;
  }

  private static InputStream input(Path file) throws IOException {
    return new BufferedInputStream(Files.newInputStream(file), 1 << 16);
  }

  private static long lineCount(Path file) throws IOException {
    try (var lines = Files.lines(file)) {
      return lines.count();
    }
  }

  /** The rows of bench_events.sql, with the same formulas, as RECORD messages. */
  static void generate(Path file, long rows) throws Exception {
    MessageDigest md5 = MessageDigest.getInstance("MD5");
    HexFormat hex = HexFormat.of();
    try (AirbyteMessageWriter writer = new AirbyteMessageWriter(Files.newOutputStream(file))) {
      for (long g = 1; g <= rows; g++) {
        long id = g;
        String sessionHex = hex.formatHex(md5.digest(Long.toString(g).getBytes(StandardCharsets.UTF_8)));
        String payloadHex = hex.formatHex(md5.digest(Long.toString(g * 31).getBytes(StandardCharsets.UTF_8)));
        String session = UUID.fromString(sessionHex.replaceFirst(
            "(\\w{8})(\\w{4})(\\w{4})(\\w{4})(\\w{12})", "$1-$2-$3-$4-$5")).toString();
        writer.writeRecord("public", "bench_events", 1_700_000_000_000L, gen -> {
          gen.writeStartObject();
          gen.writeNumberField("id", id);
          gen.writeNumberField("user_id", (id * 7919) % 100000);
          gen.writeStringField("event_type", EVENT_TYPES[(int) (id % 5)]);
          gen.writeNumberField("amount", BigDecimal.valueOf(id % 100000).divide(SEVEN, 2, RoundingMode.HALF_UP));
          gen.writeNumberField("score", (id % 1000) / 3.0);
          gen.writeBooleanField("is_active", id % 3 == 0);
          gen.writeStringField("created_at", START.plusSeconds(id).toString());
          gen.writeStringField("updated_at", START.plusSeconds(id + 3600).toString());
          gen.writeStringField("session_id", session);
          gen.writeStringField("payload", payloadHex + payloadHex);
          gen.writeEndObject();
        });
      }
    }
  }

  /** Wall time, peak heap (sum of the heap pools' peaks) and peak RSS of this process. */
  static final class Measure {
    private final long start = System.nanoTime();
    private long end;

    static Measure start() {
      return new Measure();
    }

    static void resetPeaks() {
      System.gc();
      for (var pool : java.lang.management.ManagementFactory.getMemoryPoolMXBeans()) {
        pool.resetPeakUsage();
      }
    }

    void stop() {
      end = System.nanoTime();
    }

    double seconds() {
      return ((end == 0 ? System.nanoTime() : end) - start) / 1e9;
    }

    void report(String name, long rows, long bytes) {
      double s = seconds();
      System.out.printf(Locale.ROOT, "case=%s messages=%d seconds=%.3f messages_per_s=%.0f mb_per_s=%.1f peak_heap_mb=%.0f%n",
          name, rows, s, rows / s, bytes / 1e6 / s, peakHeapMb());
    }

    String resultLine(String name, long rows, long bytes) {
      double s = seconds();
      return String.format(Locale.ROOT, "RESULT name=%s rows=%d seconds=%.3f rows_per_s=%.0f mb_per_s=%.1f peak_rss_mb=%.0f",
          name, rows, s, rows / s, bytes / 1e6 / s, peakRssMb());
    }

    static double peakHeapMb() {
      long peak = 0;
      for (var pool : java.lang.management.ManagementFactory.getMemoryPoolMXBeans()) {
        if (pool.getType() == java.lang.management.MemoryType.HEAP) {
          peak += pool.getPeakUsage().getUsed();
        }
      }
      return peak / 1e6;
    }

    static double peakRssMb() {
      try {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
          if (line.startsWith("VmHWM:")) {
            return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
          }
        }
      } catch (IOException e) {
        // not Linux: no figure
      }
      return -1;
    }
  }
}
