package io.airbyte.worker.replication;

import java.time.Duration;

/**
 * Limits of the replication engine.
 *
 * @param heartbeatTimeout a source that writes nothing for this long (while the queue has room) fails the attempt
 * @param queueBytes bound of the queue between source and destination (the engine's memory for data)
 * @param exitTimeout how long a connector may take to exit once its stream ended, before it is killed
 * @param maxLineBytes the largest line (one message) of the source's output the engine carries; a longer record,
 *     state or trace fails the attempt naming its stream, and is skipped as it streams by, never held in memory
 */
public record ReplicationSettings(Duration heartbeatTimeout, long queueBytes, Duration exitTimeout, long maxLineBytes) {

  /** 64 MB: more than a destination of ours takes in one record by default, well within a worker's heap. */
  public static final long DEFAULT_MAX_LINE_BYTES = 64L << 20;

  public ReplicationSettings(Duration heartbeatTimeout, long queueBytes, Duration exitTimeout) {
    this(heartbeatTimeout, queueBytes, exitTimeout, DEFAULT_MAX_LINE_BYTES);
  }

  /**
   * A 3-hour heartbeat (Airbyte's default); a 4 MB queue (enough to absorb a connector's hiccups, small
   * enough to stay in the young generation: a larger one costs GC time without adding speed); 2
   * minutes to exit.
   */
  public static ReplicationSettings defaults() {
    return new ReplicationSettings(Duration.ofHours(3), 4L << 20, Duration.ofMinutes(2));
  }

  public ReplicationSettings withHeartbeatTimeout(Duration timeout) {
    return new ReplicationSettings(timeout, queueBytes, exitTimeout, maxLineBytes);
  }

  public ReplicationSettings withMaxLineBytes(long bytes) {
    return new ReplicationSettings(heartbeatTimeout, queueBytes, exitTimeout, bytes);
  }
}
