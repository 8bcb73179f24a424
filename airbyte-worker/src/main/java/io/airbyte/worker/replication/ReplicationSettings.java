package io.airbyte.worker.replication;

import java.time.Duration;

/**
 * Limits of the replication engine.
 *
 * @param heartbeatTimeout a source that writes nothing for this long (while the queue has room) fails the attempt
 * @param queueBytes bound of the queue between source and destination (the engine's memory for data)
 * @param exitTimeout how long a connector may take to exit once its stream ended, before it is killed
 */
public record ReplicationSettings(Duration heartbeatTimeout, long queueBytes, Duration exitTimeout) {

  /** Airbyte's defaults: a 3-hour heartbeat; a 32 MB queue; 2 minutes to exit. */
  public static ReplicationSettings defaults() {
    return new ReplicationSettings(Duration.ofHours(3), 32L << 20, Duration.ofMinutes(2));
  }

  public ReplicationSettings withHeartbeatTimeout(Duration timeout) {
    return new ReplicationSettings(timeout, queueBytes, exitTimeout);
  }
}
