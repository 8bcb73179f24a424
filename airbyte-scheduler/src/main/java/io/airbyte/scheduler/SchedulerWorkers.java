package io.airbyte.scheduler;

import io.airbyte.contract.job.JobActivities;
import io.airbyte.contract.sync.SyncWorkflow;
import io.airbyte.scheduler.command.ConnectorCommandWorkflowImpl;
import io.airbyte.scheduler.connection.ConnectionManagerWorkflowImpl;
import io.airbyte.scheduler.sync.SyncWorkflowImpl;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerOptions;
import java.time.Duration;

/** Registers the scheduler's workflows and job activities on its task queue. */
public final class SchedulerWorkers {

  static final long DEADLOCK_DETECTION_MILLIS = 10_000;

  private SchedulerWorkers() {}

  public static Worker register(WorkerFactory factory, String schedulerTaskQueue, JobActivities jobActivities) {
    return register(factory, schedulerTaskQueue, jobActivities, SyncWorkflowImpl.DEFAULT_HEARTBEAT_TIMEOUT);
  }

  /** With {@code heartbeatTimeout}: how long a worker running a check or a replication may be silent before it is lost. */
  public static Worker register(WorkerFactory factory, String schedulerTaskQueue, JobActivities jobActivities,
      Duration heartbeatTimeout) {
    Worker worker = factory.newWorker(schedulerTaskQueue, WorkerOptions.newBuilder()
        // a workflow task that runs for the first time loads classes; on a small busy machine that can take
        // over the default 1 s, which fails the task as a deadlock and delays the workflow by a retry
        .setDefaultDeadlockDetectionTimeout(DEADLOCK_DETECTION_MILLIS)
        .build());
    worker.registerWorkflowImplementationTypes(ConnectionManagerWorkflowImpl.class, ConnectorCommandWorkflowImpl.class);
    worker.registerWorkflowImplementationFactory(SyncWorkflow.class, () -> new SyncWorkflowImpl(heartbeatTimeout));
    worker.registerActivitiesImplementations(jobActivities);
    return worker;
  }
}
