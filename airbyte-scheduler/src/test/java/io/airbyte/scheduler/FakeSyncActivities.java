package io.airbyte.scheduler;

import io.airbyte.contract.failure.AttemptFailure;
import io.airbyte.contract.failure.FailureOrigin;
import io.airbyte.contract.failure.FailureType;
import io.airbyte.contract.job.AttemptStatus;
import io.airbyte.contract.stats.StreamStatistics;
import io.airbyte.contract.sync.AttemptResult;
import io.airbyte.contract.sync.CheckResult;
import io.airbyte.contract.sync.SyncActivities;
import io.airbyte.contract.sync.SyncInput;
import io.temporal.activity.Activity;
import io.temporal.client.ActivityCompletionException;
import io.temporal.testing.TestWorkflowEnvironment;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/** Connector activities scripted by the test: each replicate takes the next behaviour (default: success). */
final class FakeSyncActivities implements SyncActivities {

  final ConcurrentLinkedDeque<Function<SyncInput, AttemptResult>> script = new ConcurrentLinkedDeque<>();
  final List<SyncInput> replicated = new CopyOnWriteArrayList<>();
  final List<Long> replicatedAtMillis = new CopyOnWriteArrayList<>();
  volatile boolean sourceCheckFails;
  private final TestWorkflowEnvironment env;

  FakeSyncActivities(TestWorkflowEnvironment env) {
    this.env = env;
  }

  static AttemptResult success() {
    return new AttemptResult(AttemptStatus.SUCCEEDED, List.of(), true, 10, 100,
        List.of(new StreamStatistics("public", "users", 10, 100, 10, 100, null, null)), "/logs");
  }

  static Function<SyncInput, AttemptResult> failing(boolean retryable, boolean committed) {
    return in -> new AttemptResult(AttemptStatus.FAILED, List.of(new AttemptFailure(FailureOrigin.SOURCE, retryable
        ? FailureType.SYSTEM_ERROR : FailureType.CONFIG_ERROR, retryable, "boom", null, null, 0)), committed, 0, 0, List.of(), null);
  }

  /** Heartbeats until the attempt is cancelled. */
  static AttemptResult runUntilCancelled(SyncInput in) {
    while (true) {
      try {
        Activity.getExecutionContext().heartbeat(null);
        Thread.sleep(100);
      } catch (ActivityCompletionException e) {
        return new AttemptResult(AttemptStatus.CANCELLED, List.of(), false, 0, 0, List.of(), null);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return new AttemptResult(AttemptStatus.CANCELLED, List.of(), false, 0, 0, List.of(), null);
      }
    }
  }

  @Override
  public CheckResult checkSource(SyncInput input) {
    return sourceCheckFails ? new CheckResult(false, "password authentication failed", null) : new CheckResult(true, null, null);
  }

  @Override
  public CheckResult checkDestination(SyncInput input) {
    return new CheckResult(true, null, null);
  }

  @Override
  public AttemptResult replicate(SyncInput input) {
    replicated.add(input);
    replicatedAtMillis.add(env.currentTimeMillis());
    Function<SyncInput, AttemptResult> next = script.pollFirst();
    return next == null ? success() : next.apply(input);
  }
}
