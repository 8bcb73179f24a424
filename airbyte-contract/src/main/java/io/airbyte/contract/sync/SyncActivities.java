package io.airbyte.contract.sync;

import io.temporal.activity.ActivityInterface;

/** The activities that touch connectors; the worker implements them and serves them on its task queue. */
@ActivityInterface
public interface SyncActivities {

  CheckResult checkSource(SyncInput input);

  CheckResult checkDestination(SyncInput input);

  /** Runs the attempt's replication; heartbeats while it runs and stops it when cancelled. */
  AttemptResult replicate(SyncInput input);
}
