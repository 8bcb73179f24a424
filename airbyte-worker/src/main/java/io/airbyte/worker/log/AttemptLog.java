package io.airbyte.worker.log;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The log of one attempt, one file ({@code <job dir>/logs.log}): the platform's lines and the
 * connectors' lines, each tagged ({@code platform}, {@code source}, {@code destination}) after a UTC
 * timestamp. Every line is flushed, so the file can be read (tailed) while the attempt runs. A log
 * that cannot be written never fails a sync: the line goes to the worker's own log instead.
 */
public final class AttemptLog implements Closeable {

  public static final String FILE_NAME = "logs.log";
  private static final Logger LOG = LoggerFactory.getLogger(AttemptLog.class);
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

  private final Path path;
  private final Clock clock;
  private Writer writer;

  public AttemptLog(Path path, Clock clock) {
    this.path = path;
    this.clock = clock;
    try {
      Files.createDirectories(path.getParent());
      writer = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(path, StandardOpenOption.CREATE,
          StandardOpenOption.APPEND), StandardCharsets.UTF_8));
    } catch (IOException e) {
      LOG.warn("Cannot write the attempt log {}: {}", path, e.toString());
    }
  }

  public static AttemptLog in(Path jobDirectory, Clock clock) {
    return new AttemptLog(jobDirectory.resolve(FILE_NAME), clock);
  }

  public Path path() {
    return path;
  }

  /** A line of the platform's own, also logged through SLF4J. */
  public void platform(String message) {
    LOG.info(message);
    write("platform", "INFO", message);
  }

  public void platformWarn(String message) {
    LOG.warn(message);
    write("platform", "WARN", message);
  }

  /** A connector's line: {@code tag} is source or destination, {@code level} its log level. */
  public void connector(String tag, String level, String message) {
    write(tag, level, message);
  }

  private synchronized void write(String tag, String level, String message) {
    if (writer == null) {
      return;
    }
    try {
      writer.write(TIME.format(clock.instant()));
      writer.write(' ');
      writer.write(tag);
      writer.write(" > ");
      writer.write(level);
      writer.write(' ');
      writer.write(message);
      writer.write('\n');
      writer.flush();
    } catch (IOException e) {
      LOG.warn("Cannot write the attempt log {}: {}; further lines are dropped", path, e.toString());
      closeQuietly();
    }
  }

  @Override
  public synchronized void close() {
    closeQuietly();
  }

  private void closeQuietly() {
    if (writer != null) {
      try {
        writer.close();
      } catch (IOException ignored) {
        // nothing more to do with a log that cannot be closed
      }
      writer = null;
    }
  }
}
