package io.airbyte.worker.replication;

import java.util.List;

/** A snapshot of a sync's progress, readable while it runs (and the final figures once it ended). */
public record SyncProgress(
    List<StreamProgress> streams,
    long recordsEmitted,
    long bytesEmitted,
    long recordsCommitted,
    long bytesCommitted,
    long stateMessagesEmitted,
    long stateMessagesCommitted,
    long malformedSourceLines,
    long malformedDestinationLines,
    long elapsedMillis) {

  static SyncProgress of(List<StreamProgress> streams, long statesEmitted, long statesCommitted, long badSource,
      long badDestination, long elapsedMillis) {
    long re = 0;
    long be = 0;
    long rc = 0;
    long bc = 0;
    for (StreamProgress s : streams) {
      re += s.recordsEmitted();
      be += s.bytesEmitted();
      rc += s.recordsCommitted();
      bc += s.bytesCommitted();
    }
    return new SyncProgress(streams, re, be, rc, bc, statesEmitted, statesCommitted, badSource, badDestination, elapsedMillis);
  }
}
