package io.airbyte.worker.replication;

import io.airbyte.protocol.models.AirbyteStateMessage;
import io.airbyte.worker.failure.FailureReason;
import java.nio.file.Path;
import java.util.List;

/**
 * The result of an attempt: its status, its failures (first = cause), the final figures, the last
 * state committed in it (null if none), and its log.
 */
public record ReplicationOutput(
    ReplicationStatus status,
    List<FailureReason> failures,
    SyncProgress stats,
    AirbyteStateMessage lastCommittedState,
    Path logPath) {

  /** Whether the attempt committed any state: its progress is kept even when it failed. */
  public boolean committedState() {
    return lastCommittedState != null;
  }
}
