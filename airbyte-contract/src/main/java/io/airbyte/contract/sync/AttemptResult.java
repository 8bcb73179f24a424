package io.airbyte.scheduler.sync;

import java.util.List;

/**
 * How an attempt ended: {@code succeeded}, {@code failed} or {@code cancelled}; its failures (first =
 * cause); whether it committed any state (progress that resets the retry backoff); its figures.
 */
public record AttemptResult(String status, List<AttemptFailure> failures, boolean committedData, long recordsCommitted,
    long bytesCommitted, List<AttemptStreamStats> streams, String logPath) {

  public static final String SUCCEEDED = "succeeded";
  public static final String FAILED = "failed";
  public static final String CANCELLED = "cancelled";

  public AttemptResult {
    failures = failures == null ? List.of() : List.copyOf(failures);
    streams = streams == null ? List.of() : List.copyOf(streams);
  }

  public static AttemptResult failed(AttemptFailure failure) {
    return new AttemptResult(FAILED, List.of(failure), false, 0, 0, List.of(), null);
  }

  public boolean retryable() {
    return failures.isEmpty() || failures.get(0).retryable();
  }
}
