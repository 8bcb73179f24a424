package io.airbyte.worker.sync;

import io.temporal.activity.Activity;
import io.temporal.client.ActivityCompletionException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * A step of an activity that may take long (a check whose connector is installed on its first use:
 * minutes of pip) run on a thread of its own while the activity's thread heartbeats to Temporal every
 * {@code interval}. A cancellation, which Temporal delivers through a heartbeat, interrupts the step
 * (an install stops pip and everything it started); once the step has ended the cancellation is
 * rethrown, so Temporal sees the activity cancelled. Each heartbeat carries the step's details as
 * they are then (a connector command's last lines), or none.
 */
final class HeartbeatingStep {

  private HeartbeatingStep() {}

  static <T> T run(String name, Duration interval, Supplier<T> step) {
    return run(name, interval, step, () -> null);
  }

  static <T> T run(String name, Duration interval, Supplier<T> step, Supplier<?> details) {
    CompletableFuture<T> result = new CompletableFuture<>();
    Thread thread = new Thread(() -> {
      try {
        result.complete(step.get());
      } catch (Throwable e) {
        result.completeExceptionally(e);
      }
    }, name);
    thread.setDaemon(true);
    thread.start();
    try {
      while (true) {
        try {
          return result.get(interval.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException stillRunning) {
          try {
            Activity.getExecutionContext().heartbeat(details.get());
          } catch (ActivityCompletionException cancelled) {
            thread.interrupt();
            awaitEnd(thread);
            throw cancelled;
          }
        }
      }
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      // the worker is shutting down: the step stops with it
      thread.interrupt();
      Thread.currentThread().interrupt();
      throw new IllegalStateException(name + " interrupted", e);
    }
  }

  private static void awaitEnd(Thread thread) {
    try {
      thread.join(30_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
