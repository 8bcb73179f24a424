package io.airbyte.worker.process;

import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** A running connector: its stdio, its end, and a way to stop it and everything it started. */
public interface ConnectorProcess extends AutoCloseable {

  /** Process or container name, for logs. */
  String name();

  OutputStream stdin();

  InputStream stdout();

  InputStream stderr();

  /** Waits up to {@code timeout} for the end; true when it has ended. */
  boolean waitFor(Duration timeout) throws InterruptedException;

  boolean isAlive();

  /** Completes when it has ended, however: exited, crashed or killed. */
  CompletableFuture<Void> onExit();

  /** The exit code; only once it has ended. */
  int exitCode();

  /** Stops it at once (container or process tree) and waits, boundedly, until it is gone. */
  void kill();

  /** Kills it when still running. */
  @Override
  default void close() {
    if (isAlive()) {
      kill();
    }
  }
}
