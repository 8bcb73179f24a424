package io.airbyte.worker.replication;

import java.util.Optional;

/** The replicate activity: runs one attempt to its end; a running attempt can be watched and cancelled. */
public interface ReplicationActivities {

  ReplicationOutput replicate(ReplicationInput input);

  /** Progress of a running attempt of {@code jobId}, if this worker runs one. */
  Optional<SyncProgress> progress(String jobId);

  /** Cancels the running attempt of {@code jobId}; false if this worker runs none. */
  boolean cancel(String jobId);
}
