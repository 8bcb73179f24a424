package io.airbyte.worker.process;

import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A {@link ConnectorProcess} on a child process, with an extra stop action (e.g. {@code docker kill}). */
final class ChildProcess implements ConnectorProcess {

  private static final Logger LOG = LoggerFactory.getLogger(ChildProcess.class);
  private static final Duration KILL_WAIT = Duration.ofSeconds(10);

  private final String name;
  private final Process process;
  private final Runnable beforeKill;

  ChildProcess(String name, Process process, Runnable beforeKill) {
    this.name = name;
    this.process = process;
    this.beforeKill = beforeKill;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public OutputStream stdin() {
    return process.getOutputStream();
  }

  @Override
  public InputStream stdout() {
    return process.getInputStream();
  }

  @Override
  public InputStream stderr() {
    return process.getErrorStream();
  }

  @Override
  public boolean waitFor(Duration timeout) throws InterruptedException {
    return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public boolean isAlive() {
    return process.isAlive();
  }

  @Override
  public CompletableFuture<Void> onExit() {
    return process.onExit().thenApply(p -> null);
  }

  @Override
  public int exitCode() {
    return process.exitValue();
  }

  @Override
  public void kill() {
    try {
      beforeKill.run();
    } catch (RuntimeException e) {
      LOG.warn("Stopping {} failed: {}", name, e.toString());
    }
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    try {
      if (!process.waitFor(KILL_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
        LOG.warn("{} did not end within {} of being killed", name, KILL_WAIT);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
