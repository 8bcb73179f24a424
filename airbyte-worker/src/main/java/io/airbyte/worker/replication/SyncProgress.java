package io.airbyte.worker.replication;

import io.airbyte.contract.stats.StreamStatistics;
import io.airbyte.protocol.models.StreamDescriptor;
import java.util.List;
import java.util.Map;

/**
 * A snapshot of a sync's progress, readable while it runs (and the final figures once it ended):
 * each stream's figures, the last status each stream's source reported (by source names), and the
 * totals.
 */
public record SyncProgress(
    List<StreamStatistics> streams,
    Map<StreamDescriptor, String> streamStatuses,
    long recordsEmitted,
    long bytesEmitted,
    long recordsCommitted,
    long bytesCommitted,
    long stateMessagesEmitted,
    long stateMessagesCommitted,
    long malformedSourceLines,
    long malformedDestinationLines,
    long elapsedMillis) {

  public SyncProgress {
    streams = List.copyOf(streams);
    streamStatuses = Map.copyOf(streamStatuses);
  }

  static SyncProgress of(List<StreamStatistics> streams, Map<StreamDescriptor, String> statuses, long statesEmitted,
      long statesCommitted, long badSource, long badDestination, long elapsedMillis) {
    long re = 0;
    long be = 0;
    long rc = 0;
    long bc = 0;
    for (StreamStatistics s : streams) {
      re += s.recordsEmitted();
      be += s.bytesEmitted();
      rc += s.recordsCommitted();
      bc += s.bytesCommitted();
    }
    return new SyncProgress(streams, statuses, re, be, rc, bc, statesEmitted, statesCommitted, badSource, badDestination,
        elapsedMillis);
  }

  /** The last status (STARTED, RUNNING, COMPLETE, INCOMPLETE) the source reported for {@code stream}, or null. */
  public String status(StreamStatistics stream) {
    return streamStatuses.get(new StreamDescriptor().withNamespace(stream.streamNamespace()).withName(stream.streamName()));
  }
}
