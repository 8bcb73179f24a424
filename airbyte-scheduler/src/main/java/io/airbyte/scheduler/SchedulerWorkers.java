package io.airbyte.scheduler;

import io.airbyte.scheduler.connection.ConnectionManagerWorkflowImpl;
import io.airbyte.scheduler.job.JobActivities;
import io.airbyte.scheduler.sync.SyncWorkflowImpl;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;

/** Registers the scheduler's workflows and job activities on its task queue. */
public final class SchedulerWorkers {

  private SchedulerWorkers() {}

  public static Worker register(WorkerFactory factory, String schedulerTaskQueue, JobActivities jobActivities) {
    Worker worker = factory.newWorker(schedulerTaskQueue);
    worker.registerWorkflowImplementationTypes(ConnectionManagerWorkflowImpl.class, SyncWorkflowImpl.class,
        io.airbyte.scheduler.command.ConnectorCommandWorkflowImpl.class);
    worker.registerActivitiesImplementations(jobActivities);
    return worker;
  }
}
