package io.airbyte.contract.job;

import io.airbyte.contract.sync.AttemptResult;
import io.airbyte.contract.sync.StreamRef;
import io.temporal.activity.ActivityInterface;
import java.util.List;
import java.util.UUID;

/** The connection workflow's writes to the metadata database; each is idempotent on (jobId, attemptNumber). */
@ActivityInterface
public interface JobActivities {

  /**
   * The connection's status, schedule and jobs; a stored schedule the platform cannot compute or
   * does not run (out of range, not Quartz) comes back as manual, with one logged error.
   */
  ScheduleInfo scheduleInfo(UUID connectionId);

  /** How failed attempts are retried: the scheduler's configuration. */
  RetrySettings retrySettings();

  /**
   * The connection's unfinished job, whatever its type (the API creates jobs in the database: at
   * most one unfinished per connection), or a new one of {@code jobType}.
   */
  JobToRun createJob(UUID connectionId, JobType jobType, List<StreamRef> streams);

  void startAttempt(long jobId, int attemptNumber);

  void endAttempt(long jobId, int attemptNumber, AttemptResult result);

  /** Sets the job's status: incomplete (another attempt comes), failed, succeeded or cancelled. */
  void setJobStatus(long jobId, JobStatus status);

  /** Disables the connection after too many failed jobs in a row; true when it did. */
  boolean disableIfFailing(UUID connectionId);
}
