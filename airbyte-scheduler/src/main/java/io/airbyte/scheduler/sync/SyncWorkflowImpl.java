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
import io.temporal.common.RetryOptions;
import io.temporal.workflow.Async;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import java.time.Duration;

/**
 * Checks both sides (at the same time), then replicates. A failed check ends the attempt with the failure the
 * worker gave it: a config error of that side (not retried), or a transient or system error the connector traced
 * with its FAILED status (retried as any attempt); without one, a config error of that side. The checks are
 * skipped for clear and reset jobs, which run no source.
 */
public final class SyncWorkflowImpl implements SyncWorkflow {

  @Override
  public AttemptResult run(SyncInput input, String workerTaskQueue) {
    // a check is the sync's first use of its connectors: a Python connector is installed then, which can take
    // minutes; the check heartbeats meanwhile, so a lost worker is noticed without a short overall timeout
    SyncActivities checks = Workflow.newActivityStub(SyncActivities.class, ActivityOptions.newBuilder()
        .setTaskQueue(workerTaskQueue)
        .setStartToCloseTimeout(Duration.ofHours(1))
        .setHeartbeatTimeout(Duration.ofMinutes(5))
        .setRetryOptions(RetryOptions.newBuilder().setMaximumAttempts(3).setInitialInterval(Duration.ofSeconds(5)).build())
        .build());
    SyncActivities replication = Workflow.newActivityStub(SyncActivities.class, ActivityOptions.newBuilder()
        .setTaskQueue(workerTaskQueue)
        .setStartToCloseTimeout(Duration.ofDays(3))
        .setHeartbeatTimeout(Duration.ofMinutes(5))
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
