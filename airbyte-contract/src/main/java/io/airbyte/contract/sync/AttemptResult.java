package io.airbyte.contract.sync;

import io.airbyte.contract.failure.AttemptFailure;
import io.airbyte.contract.job.AttemptStatus;
import io.airbyte.contract.stats.StreamStatistics;
import java.util.List;

/**
 * How an attempt ended: succeeded, failed or cancelled; its failures (first = cause); whether it
 * committed any state (progress that resets the retry backoff); its figures.
 */
public record AttemptResult(AttemptStatus status, List<AttemptFailure> failures, boolean committedData, long recordsCommitted,
    long bytesCommitted, List<StreamStatistics> streams, String logPath) {

  public AttemptResult {
    failures = failures == null ? List.of() : List.copyOf(failures);
    streams = streams == null ? List.of() : List.copyOf(streams);
  }

  public static AttemptResult failed(AttemptFailure failure) {
    return new AttemptResult(AttemptStatus.FAILED, List.of(failure), false, 0, 0, List.of(), null);
  }

  public boolean retryable() {
    return failures.isEmpty() || failures.get(0).retryable();
  }
}
