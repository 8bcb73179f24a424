package io.airbyte.contract.sync;

import io.airbyte.contract.job.JobType;
import java.util.List;
import java.util.UUID;

/**
 * One attempt of a job: which connection, job and attempt, the job type and the streams it
 * concerns (reset, clear and refresh; empty for sync). Configs and secrets are not in here: the
 * worker reads them from the metadata database, so they never enter Temporal's history.
 */
public record SyncInput(UUID connectionId, long jobId, int attemptNumber, JobType jobType, List<StreamRef> streams) {

  public SyncInput {
    streams = streams == null ? List.of() : List.copyOf(streams);
  }
}
