package io.airbyte.connectors.contract;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Kills connector processes (and their children) still running after a timeout: a hung connector
 * then fails its test with a message instead of hanging the build, since reading its stdout ends
 * once it is killed.
 */
final class Watchdog implements AutoCloseable {

  private final Duration timeout;
  private final AtomicBoolean fired = new AtomicBoolean();
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "connector-watchdog");
    t.setDaemon(true);
    return t;
  });

  Watchdog(Duration timeout, Process... processes) {
    this.timeout = timeout;
    timer.schedule(() -> {
      fired.set(true);
      List.of(processes).forEach(Watchdog::kill);
    }, timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  static void kill(Process process) {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
  }

  /** Fails with {@code what} named when the timeout passed (the processes were killed then). */
  void check(String what) {
    if (fired.get()) {
      throw new AssertionError(what + " did not finish within " + timeout + "; it was killed");
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
