package io.airbyte.worker.sync;

import io.airbyte.contract.sync.SyncActivities;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerOptions;
import java.time.Duration;

/** Serves the connector activities on the worker's task queue. */
public final class SyncWorkers {

  private SyncWorkers() {}

  public static Worker register(WorkerFactory factory, String workerTaskQueue, SyncActivities activities, int maxConcurrentSyncs,
      Object... moreActivities) {
    Worker worker = factory.newWorker(workerTaskQueue, WorkerOptions.newBuilder()
        // heartbeats, and with them cancellations, get through within seconds
        .setMaxHeartbeatThrottleInterval(Duration.ofSeconds(2))
        .setMaxConcurrentActivityExecutionSize(Math.max(1, maxConcurrentSyncs))
        .build());
    worker.registerActivitiesImplementations(activities);
    if (moreActivities.length > 0) {
      worker.registerActivitiesImplementations(moreActivities);
    }
    return worker;
  }
}
