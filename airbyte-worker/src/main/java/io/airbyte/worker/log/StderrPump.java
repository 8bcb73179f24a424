package io.airbyte.worker.log;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Copies a connector's stderr into the attempt log, line by line, on its own thread, and keeps the
 * last lines for failure messages.
 */
public final class StderrPump {

  private static final int KEPT_LINES = 20;
  private static final int MAX_LINE_CHARS = 10_000;

  private final Thread thread;
  private final Deque<String> last = new ArrayDeque<>();

  private StderrPump(InputStream stderr, AttemptLog log, String tag) {
    this.thread = new Thread(() -> pump(stderr, log, tag), tag + "-stderr");
    thread.setDaemon(true);
  }

  public static StderrPump start(InputStream stderr, AttemptLog log, String tag) {
    StderrPump pump = new StderrPump(stderr, log, tag);
    pump.thread.start();
    return pump;
  }

  private void pump(InputStream stderr, AttemptLog log, String tag) {
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(stderr, StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        if (line.length() > MAX_LINE_CHARS) {
          line = line.substring(0, MAX_LINE_CHARS) + "… (" + line.length() + " chars)";
        }
        log.connector(tag, "STDERR", line);
        synchronized (last) {
          last.addLast(line);
          if (last.size() > KEPT_LINES) {
            last.removeFirst();
          }
        }
      }
    } catch (IOException e) {
      // the process is gone; its stderr with it
    }
  }

  /** Waits (boundedly) until the stream has ended, so the log is complete. */
  public void awaitEnd(long millis) throws InterruptedException {
    thread.join(millis);
  }

  /** The last lines written, oldest first. */
  public List<String> lastLines() {
    synchronized (last) {
      return List.copyOf(last);
    }
  }
}
