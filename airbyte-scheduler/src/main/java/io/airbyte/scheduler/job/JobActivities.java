package io.airbyte.scheduler.job;

import io.airbyte.scheduler.connection.RetrySettings;
import io.airbyte.scheduler.sync.AttemptResult;
import io.airbyte.scheduler.sync.StreamRef;
import io.temporal.activity.ActivityInterface;
import java.util.List;
import java.util.UUID;

/** The connection workflow's writes to the metadata database; each is idempotent on (jobId, attemptNumber). */
@ActivityInterface
public interface JobActivities {

  ScheduleInfo scheduleInfo(UUID connectionId);

  /** How failed attempts are retried: the scheduler's configuration. */
  RetrySettings retrySettings();

  /** The connection's unfinished job, or a new one of {@code jobType}. */
  long createJob(UUID connectionId, String jobType, List<StreamRef> streams);

  void startAttempt(long jobId, int attemptNumber);

  void endAttempt(long jobId, int attemptNumber, AttemptResult result);

  /** Sets the job's status: incomplete (another attempt comes), failed, succeeded or cancelled. */
  void setJobStatus(long jobId, String status);

  /** Disables the connection after too many failed jobs in a row; true when it did. */
  boolean disableIfFailing(UUID connectionId);
}
