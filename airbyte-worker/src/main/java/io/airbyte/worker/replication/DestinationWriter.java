package io.airbyte.worker.replication;

import io.airbyte.contract.failure.FailureOrigin;
import io.airbyte.contract.failure.FailureType;
import io.airbyte.protocol.json.RawJson;
import io.airbyte.worker.failure.FailureReason;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the queued lines to the destination's stdin, in batches, flushing whenever the queue runs
 * dry (so a slow source's states reach the destination without delay), and closes stdin at the end
 * of the source's output: the destination's cue to commit and finish.
 */
final class DestinationWriter implements Runnable {

  private static final int BATCH = 1024;

  private final OutputStream stdin;
  private final LineQueue queue;
  private final AttemptFailures failures;
  private final AttemptTimeline timeline;
  private volatile boolean failed;
  private volatile boolean stopping;

  DestinationWriter(OutputStream stdin, LineQueue queue, AttemptFailures failures, AttemptTimeline timeline) {
    this.stdin = stdin;
    this.queue = queue;
    this.failures = failures;
    this.timeline = timeline;
  }

  @Override
  public void run() {
    List<RawJson> batch = new ArrayList<>(BATCH);
    try (OutputStream out = new BufferedOutputStream(stdin, 1 << 16)) {
      while (queue.drainTo(batch, BATCH)) {
        timeline.messageToDestination();
        for (RawJson line : batch) {
          line.writeTo(out);
          out.write('\n');
        }
        batch.clear();
        if (queue.isEmpty()) {
          out.flush();
        }
      }
    } catch (IOException e) {
      if (!stopping) {
        failed = true;
        queue.abort();
        failures.addUnlessFailed(FailureOrigin.DESTINATION, FailureReason.fromException(FailureOrigin.DESTINATION,
            FailureType.SYSTEM_ERROR, "The destination stopped reading its input before the end: " + e.getMessage(), e));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  boolean failed() {
    return failed;
  }

  void stopping() {
    stopping = true;
  }
}
