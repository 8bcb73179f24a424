package io.airbyte.scheduler.sync;

import io.airbyte.contract.failure.AttemptFailure;
import io.airbyte.contract.failure.FailureOrigin;
import io.airbyte.contract.failure.FailureType;
import io.airbyte.contract.sync.AttemptResult;
import io.airbyte.contract.sync.CheckResult;
import io.airbyte.contract.sync.SyncActivities;
import io.airbyte.contract.sync.SyncInput;
import io.airbyte.contract.sync.SyncWorkflow;
import io.temporal.activity.ActivityCancellationType;
import io.temporal.activity.ActivityOptions;
import io.temporal.api.enums.v1.TimeoutType;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.TimeoutFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import java.time.Duration;

/**
 * Checks both sides (at the same time), then replicates. A failed check ends the attempt with the failure the
 * worker gave it: a config error of that side (not retried), or a transient or system error the connector traced
 * with its FAILED status (retried as any attempt); without one, a config error of that side. The checks are
 * skipped for clear and reset jobs, which run no source.
 * A worker that stops heartbeating for {@code heartbeatTimeout} (killed, its machine gone) is lost: the attempt
 * fails with {@code heartbeat_timeout}, and the connection's workflow runs the next attempt, on whichever worker of
 * the task queue takes it.
 */
public final class SyncWorkflowImpl implements SyncWorkflow {

  /** How long a worker may go without heartbeating before it is deemed lost, unless the scheduler is told otherwise. */
  public static final Duration DEFAULT_HEARTBEAT_TIMEOUT = Duration.ofMinutes(5);

  private final Duration heartbeatTimeout;

  public SyncWorkflowImpl(Duration heartbeatTimeout) {
    this.heartbeatTimeout = heartbeatTimeout;
  }

  public SyncWorkflowImpl() {
    this(DEFAULT_HEARTBEAT_TIMEOUT);
  }

  @Override
  public AttemptResult run(SyncInput input, String workerTaskQueue) {
    try {
      return attempt(input, workerTaskQueue);
    } catch (ActivityFailure e) {
      if (e.getCause() instanceof TimeoutFailure timeout && timeout.getTimeoutType() == TimeoutType.TIMEOUT_TYPE_HEARTBEAT) {
        return AttemptResult.failed(new AttemptFailure(FailureOrigin.PLATFORM, FailureType.HEARTBEAT_TIMEOUT, true,
            "The worker running this attempt's " + e.getActivityType() + " was lost (no heartbeat for "
                + heartbeatTimeout.toSeconds() + " s): the job goes on with its next attempt on a worker that answers",
            e.getMessage(), null, Workflow.currentTimeMillis()));
      }
      throw e;
    }
  }

  private AttemptResult attempt(SyncInput input, String workerTaskQueue) {
    // a check is the sync's first use of its connectors: a Python connector is installed then, which can take
    // minutes; the check heartbeats meanwhile, so a lost worker is noticed without a short overall timeout
    SyncActivities checks = Workflow.newActivityStub(SyncActivities.class, ActivityOptions.newBuilder()
        .setTaskQueue(workerTaskQueue)
        .setStartToCloseTimeout(Duration.ofHours(1))
        .setHeartbeatTimeout(heartbeatTimeout)
        .setRetryOptions(RetryOptions.newBuilder().setMaximumAttempts(3).setInitialInterval(Duration.ofSeconds(5)).build())
        .build());
    SyncActivities replication = Workflow.newActivityStub(SyncActivities.class, ActivityOptions.newBuilder()
        .setTaskQueue(workerTaskQueue)
        .setStartToCloseTimeout(Duration.ofDays(3))
        .setHeartbeatTimeout(heartbeatTimeout)
        .setCancellationType(ActivityCancellationType.WAIT_CANCELLATION_COMPLETED)
        // an attempt is retried by the connection's workflow, with its own policy, never here
        .setRetryOptions(RetryOptions.newBuilder().setMaximumAttempts(1).build())
        .build());
    boolean clearing = input.jobType().clears();
    // both checks at once: each starts a connector, which takes seconds
    Promise<CheckResult> source = clearing ? null : Async.function(checks::checkSource, input);
    Promise<CheckResult> destination = Async.function(checks::checkDestination, input);
    if (source != null && !source.get().succeeded()) {
      return AttemptResult.failed(failure(source.get(), FailureOrigin.SOURCE));
    }
    if (!destination.get().succeeded()) {
      return AttemptResult.failed(failure(destination.get(), FailureOrigin.DESTINATION));
    }
    return replication.replicate(input);
  }

  private static AttemptFailure failure(CheckResult check, FailureOrigin side) {
    if (check.failure() != null) {
      return check.failure();
    }
    return new AttemptFailure(side, FailureType.CONFIG_ERROR, false, "Checking the " + side.value() + " failed: " + check.message(),
        null, null, Workflow.currentTimeMillis());
  }
}
