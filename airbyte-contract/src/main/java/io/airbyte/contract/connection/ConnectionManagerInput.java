package io.airbyte.contract.connection;

import io.airbyte.contract.job.JobType;
import io.airbyte.contract.sync.StreamRef;
import java.util.List;
import java.util.UUID;

/**
 * The input of a connection's workflow run; a request that arrived while a job ran is carried into
 * the next run ({@code pendingJobType}), and so is the start of the
 * last job in workflow time (what a basic schedule counts from; on a first run the database's).
 */
public record ConnectionManagerInput(UUID connectionId, String workerTaskQueue, JobType pendingJobType,
    List<StreamRef> pendingStreams, Long lastJobStartMillis) {

  public ConnectionManagerInput {
    pendingStreams = pendingStreams == null ? List.of() : List.copyOf(pendingStreams);
  }

  public static ConnectionManagerInput of(UUID connectionId, String workerTaskQueue) {
    return new ConnectionManagerInput(connectionId, workerTaskQueue, null, List.of(), null);
  }

  /** The input of the next run: the request carried over (none when {@code jobType} is null). */
  public ConnectionManagerInput next(JobType jobType, List<StreamRef> streams, Long jobStartMillis) {
    return new ConnectionManagerInput(connectionId, workerTaskQueue, jobType, streams,
        jobStartMillis == null ? lastJobStartMillis : jobStartMillis);
  }
}
