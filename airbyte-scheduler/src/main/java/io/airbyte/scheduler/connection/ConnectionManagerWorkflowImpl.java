package io.airbyte.scheduler.connection;

import io.airbyte.contract.connection.ConnectionManagerInput;
import io.airbyte.contract.connection.ConnectionManagerWorkflow;
import io.airbyte.contract.connection.WorkflowState;
import io.airbyte.contract.failure.AttemptFailure;
import io.airbyte.contract.failure.FailureOrigin;
import io.airbyte.contract.failure.FailureType;
import io.airbyte.contract.job.AttemptStatus;
import io.airbyte.contract.job.JobActivities;
import io.airbyte.contract.job.JobStatus;
import io.airbyte.contract.job.JobToRun;
import io.airbyte.contract.job.JobType;
import io.airbyte.contract.job.RetrySettings;
import io.airbyte.contract.job.ScheduleInfo;
import io.airbyte.contract.sync.AttemptResult;
import io.airbyte.contract.sync.StreamRef;
import io.airbyte.contract.sync.SyncInput;
import io.airbyte.contract.sync.SyncWorkflow;
import io.airbyte.scheduler.schedule.NextRun;
import io.temporal.activity.ActivityOptions;
import io.temporal.api.enums.v1.ParentClosePolicy;
import io.temporal.common.RetryOptions;
import io.temporal.failure.CanceledFailure;
import io.temporal.failure.ChildWorkflowFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.CancellationScope;
import io.temporal.workflow.ChildWorkflowOptions;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;

/** Orchestration only: every read and write goes through activities. */
public final class ConnectionManagerWorkflowImpl implements ConnectionManagerWorkflow {

  private static final Logger LOG = Workflow.getLogger(ConnectionManagerWorkflowImpl.class);

  /** The longest single timer: a later run is waited for in several (Temporal refuses huge durations). */
  private static final Duration LONGEST_WAIT = Duration.ofDays(30);

  private final JobActivities jobs = Workflow.newActivityStub(JobActivities.class, ActivityOptions.newBuilder()
      .setStartToCloseTimeout(Duration.ofMinutes(2))
      .setRetryOptions(RetryOptions.newBuilder().setInitialInterval(Duration.ofSeconds(1)).setMaximumInterval(Duration.ofMinutes(1))
          .build())
      .build());

  private JobType requestedJobType;
  private List<StreamRef> requestedStreams = List.of();
  private boolean cancelRequested;
  private boolean updated;
  private boolean deleted;
  private boolean jobWaiting;
  private boolean jobRunning;
  private Long jobId;
  private Integer attemptNumber;
  private Long nextRunMillis;
  private long jobsRun;
  private Long jobStartMillis;

  @Override
  public void run(ConnectionManagerInput input) {
    if (input.pendingJobType() != null) {
      requestedJobType = input.pendingJobType();
      requestedStreams = input.pendingStreams();
    }
    ScheduleInfo schedule = jobs.scheduleInfo(input.connectionId());
    if (!schedule.exists()) {
      LOG.info("Connection {} is gone: its workflow ends", input.connectionId());
      return;
    }
    JobType jobType;
    List<StreamRef> streams;
    if (schedule.unfinishedJobId() != null) {
      // a job waiting in the database (the API created it, or a restart lost its workflow): it runs, or goes on
      jobType = schedule.unfinishedJobType();
      streams = schedule.unfinishedJobStreams();
    } else {
      if (requestedJobType == null) {
        ScheduleInfo timed = input.lastJobStartMillis() == null ? schedule : schedule.withLastJob(input.lastJobStartMillis());
        Optional<Long> next = schedule.active() ? nextRun(input, timed) : Optional.empty();
        nextRunMillis = next.orElse(null);
        if (next.isPresent()) {
          long wait = Math.max(0, next.get() - Workflow.currentTimeMillis());
          Workflow.await(Duration.ofMillis(Math.min(wait, LONGEST_WAIT.toMillis())), this::woken);
        } else {
          Workflow.await(this::woken);
        }
        nextRunMillis = null;
        if (!woken() && next.isPresent() && Workflow.currentTimeMillis() < next.get()) {
          // a wait longer than one timer: look again from a fresh run
          Workflow.continueAsNew(input.next(null, List.of(), null));
          return;
        }
      }
      if (deleted) {
        return;
      }
      if (jobWaiting || (requestedJobType == null && updated)) {
        // a job the API created waits in the database, or the schedule changed: a fresh run reads them
        Workflow.continueAsNew(input.next(requestedJobType, requestedStreams, null));
        return;
      }
      jobType = requestedJobType == null ? JobType.SYNC : requestedJobType;
      streams = requestedJobType == null ? List.of() : requestedStreams;
      if (jobType == JobType.SYNC && requestedJobType == null && !schedule.active()) {
        Workflow.continueAsNew(input.next(null, List.of(), null));
        return;
      }
      requestedJobType = null;
      requestedStreams = List.of();
    }
    runJob(input, jobType, streams);
    jobsRun++;
    if (deleted) {
      return;
    }
    // bounded history: every job starts a fresh run, carrying a request that came meanwhile
    Workflow.continueAsNew(input.next(requestedJobType, requestedStreams, jobStartMillis));
  }

  private boolean woken() {
    return requestedJobType != null || jobWaiting || updated || deleted;
  }

  /**
   * The next scheduled run; a schedule that cannot be computed (a stored row the API would refuse,
   * an overflow) means no scheduled runs, logged once, and never a failing workflow task.
   */
  private static Optional<Long> nextRun(ConnectionManagerInput input, ScheduleInfo schedule) {
    try {
      return NextRun.after(schedule, Workflow.currentTimeMillis());
    } catch (RuntimeException e) {
      LOG.error("Connection {}: its {} schedule cannot be computed ({}); no scheduled runs until it is updated",
          input.connectionId(), schedule.schedule().type(), e.toString());
      return Optional.empty();
    }
  }

  private void runJob(ConnectionManagerInput input, JobType requestedType, List<StreamRef> requestedStreams) {
    jobStartMillis = Workflow.currentTimeMillis();
    cancelRequested = false;
    jobRunning = true;
    jobWaiting = false;
    // the database's job is the one that runs: the connection's unfinished job, whatever asked for this one
    JobToRun job = jobs.createJob(input.connectionId(), requestedType, requestedStreams);
    jobId = job.id();
    JobType jobType = job.type();
    List<StreamRef> streams = job.streams();
    int firstAttempt = job.attempts();
    int successiveFailures = 0;
    JobStatus outcome = JobStatus.FAILED;
    // the scheduler's policy, asked at each job: whoever started the workflow (the API server, the
    // reconciler) does not decide it, and a changed setting applies from the next job on
    RetrySettings retry = jobs.retrySettings();
    for (int attempt = firstAttempt; ; attempt++) {
      attemptNumber = attempt;
      jobs.startAttempt(jobId, attempt);
      AttemptResult result = runAttempt(input, new SyncInput(input.connectionId(), jobId, attempt, jobType, streams));
      jobs.endAttempt(jobId, attempt, result);
      if (result.status() == AttemptStatus.SUCCEEDED) {
        outcome = JobStatus.SUCCEEDED;
        break;
      }
      if (result.status() == AttemptStatus.CANCELLED || cancelRequested || deleted) {
        outcome = JobStatus.CANCELLED;
        break;
      }
      successiveFailures = result.committedData() ? 0 : successiveFailures + 1;
      if (!result.retryable() || successiveFailures >= retry.maxSuccessiveFailures() || attempt + 1 >= retry.maxAttempts()) {
        break;
      }
      jobs.setJobStatus(jobId, JobStatus.INCOMPLETE);
      long backoff = retry.backoffSeconds(successiveFailures);
      LOG.info("Job {} attempt {} failed; next attempt in {} s", jobId, attempt, backoff);
      if (backoff > 0) {
        Workflow.await(Duration.ofSeconds(backoff), () -> cancelRequested || deleted);
      }
      if (cancelRequested || deleted) {
        outcome = JobStatus.CANCELLED;
        break;
      }
    }
    // not running any more before the job's final status is visible: a "sync now" sent once a client
    // sees that status must start the next job, not be dropped as a request during this one
    jobRunning = false;
    attemptNumber = null;
    jobs.setJobStatus(jobId, outcome);
    if (outcome == JobStatus.FAILED) {
      jobs.disableIfFailing(input.connectionId());
    }
  }

  private AttemptResult runAttempt(ConnectionManagerInput input, SyncInput sync) {
    SyncWorkflow child = Workflow.newChildWorkflowStub(SyncWorkflow.class, ChildWorkflowOptions.newBuilder()
        .setWorkflowId("sync_" + sync.jobId() + "_attempt_" + sync.attemptNumber() + "_" + Workflow.randomUUID())
        .setParentClosePolicy(ParentClosePolicy.PARENT_CLOSE_POLICY_REQUEST_CANCEL)
        .build());
    Promise<AttemptResult>[] promise = new Promise[1];
    CancellationScope scope = Workflow.newCancellationScope(() -> {
      promise[0] = Async.function(child::run, sync, input.workerTaskQueue());
    });
    scope.run();
    Workflow.await(() -> promise[0].isCompleted() || cancelRequested || deleted);
    if (!promise[0].isCompleted()) {
      scope.cancel();
    }
    try {
      return promise[0].get();
    } catch (ChildWorkflowFailure | CanceledFailure e) {
      if (cancelRequested || deleted) {
        return new AttemptResult(AttemptStatus.CANCELLED, List.of(new AttemptFailure(FailureOrigin.PLATFORM,
            FailureType.MANUAL_CANCELLATION, false, "The job was cancelled", null, null, Workflow.currentTimeMillis())), false, 0, 0,
            List.of(), null);
      }
      return AttemptResult.failed(new AttemptFailure(FailureOrigin.PLATFORM, FailureType.SYSTEM_ERROR, true,
          "The attempt's workflow failed: " + e.getMessage(), String.valueOf(e.getCause()), null, Workflow.currentTimeMillis()));
    }
  }

  @Override
  public void syncNow() {
    if (jobRunning) {
      LOG.info("Sync requested while job {} runs: nothing to do", jobId);
      return;
    }
    if (requestedJobType == null) {
      requestedJobType = JobType.SYNC;
    }
  }

  @Override
  public void jobCreated() {
    if (!jobRunning) {
      jobWaiting = true;
    }
  }

  @Override
  public void cancelJob() {
    if (jobRunning) {
      cancelRequested = true;
    }
  }

  @Override
  public void clear(List<StreamRef> streams) {
    requestedJobType = JobType.CLEAR;
    requestedStreams = streams == null ? List.of() : streams;
    if (jobRunning) {
      cancelRequested = true;
    }
  }

  @Override
  public void reset() {
    requestedJobType = JobType.RESET;
    requestedStreams = List.of();
    if (jobRunning) {
      cancelRequested = true;
    }
  }

  @Override
  public void refresh(List<StreamRef> streams) {
    requestedJobType = JobType.REFRESH;
    requestedStreams = streams == null ? List.of() : streams;
  }

  @Override
  public void connectionUpdated() {
    updated = true;
  }

  @Override
  public void connectionDeleted() {
    deleted = true;
    cancelRequested = jobRunning;
  }

  @Override
  public WorkflowState state() {
    return new WorkflowState(jobRunning, jobId, attemptNumber, nextRunMillis, deleted, jobsRun);
  }
}
