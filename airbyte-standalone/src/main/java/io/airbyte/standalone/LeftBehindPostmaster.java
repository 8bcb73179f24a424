package io.airbyte.standalone;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL that a dead platform left running on the home's data directory (its JVM killed with
 * -9: the postmaster, started through {@code pg_ctl}, is not its child and lives on). Called only
 * while holding the {@link PlatformLock}, so no live platform uses that server: it is stopped with
 * a fast shutdown (SIGINT: sessions ended, a checkpoint written), waited for, and the start goes on
 * as after a clean stop. A {@code postmaster.pid} whose pid now belongs to another program (a pid
 * reused after a reboot) is stale: it is removed and that program is left alone.
 */
final class LeftBehindPostmaster {

  private static final Logger LOG = LoggerFactory.getLogger(LeftBehindPostmaster.class);
  private static final Duration PROGRESS_EVERY = Duration.ofSeconds(5);

  private LeftBehindPostmaster() {}

  /** Stops the server {@code postmaster.pid} names if it runs on {@code dataDirectory}; waits at most {@code limit} for it. */
  static void stopIfRunning(Path dataDirectory, Duration limit) {
    try {
      Optional<Long> recorded = PostgresProcesses.recordedPid(dataDirectory);
      if (recorded.isEmpty()) {
        return;
      }
      long pid = recorded.get();
      if (!PostgresProcesses.alive(pid)) {
        LOG.info("{} names pid {}, which no longer runs: the last stop of the metadata PostgreSQL was not clean;"
            + " it recovers as it starts", PostgresProcesses.pidFile(dataDirectory), pid);
        return;
      }
      if (!PostgresProcesses.isPostgresOn(pid, dataDirectory)) {
        LOG.warn("{} names pid {}, which is not a PostgreSQL on {} (a pid reused since the server last ran): the stale"
            + " file is removed and that process left alone", PostgresProcesses.pidFile(dataDirectory), pid, dataDirectory);
        Files.deleteIfExists(PostgresProcesses.pidFile(dataDirectory));
        return;
      }
      LOG.warn("The metadata PostgreSQL (pid {}) of a platform that did not stop (killed?) still runs on {}: stopping it"
          + " (fast shutdown) before starting it again", pid, dataDirectory);
      long started = System.nanoTime();
      signal(pid, "INT");
      if (!awaitExit(pid, limit, started)) {
        LOG.warn("PostgreSQL (pid {}) did not stop within {} s: immediate shutdown (it recovers from its write-ahead log"
            + " as it starts)", pid, limit.toSeconds());
        signal(pid, "QUIT");
        if (!awaitExit(pid, Duration.ofSeconds(60), System.nanoTime())) {
          throw new IllegalStateException("The PostgreSQL (pid " + pid + ") left running on " + dataDirectory
              + " does not stop; stop it (kill " + pid + ") and start the platform again");
        }
      }
      LOG.info("The PostgreSQL left behind (pid {}) stopped after {} ms", pid, (System.nanoTime() - started) / 1_000_000);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot check for a PostgreSQL left running on " + dataDirectory, e);
    }
  }

  private static boolean awaitExit(long pid, Duration limit, long since) {
    long deadline = since + limit.toNanos();
    long nextProgress = System.nanoTime() + PROGRESS_EVERY.toNanos();
    while (PostgresProcesses.alive(pid)) {
      long now = System.nanoTime();
      if (now > deadline) {
        return false;
      }
      if (now > nextProgress) {
        LOG.info("Waiting for the PostgreSQL left behind (pid {}) to stop: {} s", pid, (now - since) / 1_000_000_000);
        nextProgress = now + PROGRESS_EVERY.toNanos();
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for PostgreSQL (pid " + pid + ") to stop", e);
      }
    }
    return true;
  }

  private static void signal(long pid, String signal) throws IOException {
    try {
      Process kill = new ProcessBuilder("kill", "-s", signal, Long.toString(pid)).redirectErrorStream(true).start();
      String output = new String(kill.getInputStream().readAllBytes()).trim();
      if (kill.waitFor() != 0 && PostgresProcesses.alive(pid)) {
        throw new IOException("kill -s " + signal + " " + pid + " failed (" + output + "): if no PostgreSQL runs on the"
            + " home's data directory any more, remove its postmaster.pid and start again");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while signalling " + pid, e);
    }
  }
}
