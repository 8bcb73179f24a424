package io.airbyte.worker.sync;

import io.airbyte.contract.command.ConnectorCommandProgress;
import io.temporal.activity.Activity;
import io.temporal.activity.ActivityExecutionContext;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The heartbeats of one connector command's activity: every interval, the command's last lines as
 * a {@link ConnectorCommandProgress}, from the command's start to its end, so that Temporal sees a
 * live worker (a worker that dies fails the command at the heartbeat timeout, not at the end of its
 * start-to-close timeout) and the API can show the progress. Outside an activity (a direct call) it
 * only keeps the lines.
 */
final class CommandHeartbeats implements Consumer<String>, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(CommandHeartbeats.class);

  private final Deque<String> lines = new ArrayDeque<>();
  private final ScheduledExecutorService timer;

  private CommandHeartbeats(ActivityExecutionContext context, Duration interval) {
    if (context == null) {
      timer = null;
      return;
    }
    timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "command-heartbeats");
      t.setDaemon(true);
      return t;
    });
    timer.scheduleAtFixedRate(() -> beat(context), 0, interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Heartbeats for the activity running on this thread, if one is. */
  static CommandHeartbeats start(Duration interval) {
    ActivityExecutionContext context;
    try {
      context = Activity.getExecutionContext();
    } catch (IllegalStateException | UnsupportedOperationException e) {
      context = null;
    }
    return new CommandHeartbeats(context, interval);
  }

  @Override
  public synchronized void accept(String line) {
    lines.addLast(line);
    while (lines.size() > ConnectorCommandProgress.MAX_LINES) {
      lines.removeFirst();
    }
  }

  synchronized ConnectorCommandProgress progress() {
    return new ConnectorCommandProgress(List.copyOf(lines));
  }

  private void beat(ActivityExecutionContext context) {
    try {
      context.heartbeat(progress());
    } catch (RuntimeException e) {
      // a heartbeat that does not get through changes nothing for the command itself
      LOG.debug("heartbeat of a connector command not sent: {}", e.toString());
    }
  }

  @Override
  public void close() {
    if (timer != null) {
      timer.shutdownNow();
    }
  }
}
