package io.airbyte.connectors.contract;

import io.airbyte.protocol.json.RawJson;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The stdout message lines of every connector a test ran (spec, check, discover, read, and the
 * states a destination echoed on write), each with its connector and command, written to one batch
 * file per test for {@link ProtocolModels} to validate. Lines recorded while no batch is open are not
 * kept.
 */
final class CapturedLines {

  private static Batch current;

  private CapturedLines() {}

  static synchronized void record(ConnectorJar connector, String command, RawJson line) {
    if (current != null) {
      current.write(connector, command, line);
    }
  }

  static synchronized void start(Path file) throws IOException {
    if (current != null) {
      current.close();
    }
    current = new Batch(file, new BufferedOutputStream(Files.newOutputStream(file), 1 << 16));
  }

  /** Closes the open batch and returns it (null when none was open). */
  static synchronized Batch stop() {
    Batch batch = current;
    current = null;
    if (batch != null) {
      batch.close();
    }
    return batch;
  }

  /** One test's lines: the file and how many lines it holds. */
  static final class Batch {
    final Path file;
    private final OutputStream out;
    private long lines;

    private Batch(Path file, OutputStream out) {
      this.file = file;
      this.out = out;
    }

    long lines() {
      return lines;
    }

    private void write(ConnectorJar connector, String command, RawJson line) {
      try {
        out.write((connector.module + "\t" + command + "\t").getBytes(StandardCharsets.UTF_8));
        line.writeTo(out);
        out.write('\n');
        lines++;
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot record a line of " + connector + " " + command + " in " + file, e);
      }
    }

    private void close() {
      try {
        out.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
