package io.airbyte.worker.replication;

/** How an attempt's replication ended. */
public enum ReplicationStatus {
  COMPLETED,
  FAILED,
  CANCELLED
}
