package io.airbyte.scheduler;

import io.airbyte.contract.job.RetrySettings;
import io.airbyte.db.MetadataDatabase;
import io.airbyte.db.connection.ConnectionRepository;
import io.airbyte.db.job.JobRepository;
import io.airbyte.db.workspace.WorkspaceRepository;
import io.airbyte.scheduler.job.JobActivitiesImpl;
import io.airbyte.scheduler.reconcile.ConnectionWorkflows;
import io.airbyte.scheduler.reconcile.Reconciler;
import io.temporal.client.WorkflowClient;
import io.temporal.worker.WorkerFactory;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scheduler in a process: migrates the metadata database, makes the default workspace, serves
 * the workflows and job activities on its task queue, and reconciles at start-up and then every
 * {@link SchedulerConfig#reconcileInterval()}; its settings are {@link SchedulerConfig}'s.
 */
public final class SchedulerProcess implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(SchedulerProcess.class);

  private final WorkerFactory factory;
  private final ScheduledExecutorService reconcileLoop;
  private final ConnectionWorkflows workflows;

  private SchedulerProcess(WorkerFactory factory, ScheduledExecutorService reconcileLoop, ConnectionWorkflows workflows) {
    this.factory = factory;
    this.reconcileLoop = reconcileLoop;
    this.workflows = workflows;
  }

  public static SchedulerProcess start(DataSource dataSource, WorkflowClient client, SchedulerConfig config) {
    TemporalSettings temporal = config.temporal();
    MetadataDatabase.migrate(dataSource);
    new WorkspaceRepository(dataSource).ensureDefault();
    ConnectionRepository connections = new ConnectionRepository(dataSource);
    JobRepository jobs = new JobRepository(dataSource);
    RetrySettings retry = config.retry();
    LOG.info("Retries: at most {} attempts per job, {} in a row without progress, backoff from {} s", retry.maxAttempts(),
        retry.maxSuccessiveFailures(), retry.initialBackoffSeconds());
    WorkerFactory factory = WorkerFactory.newInstance(client);
    SchedulerWorkers.register(factory, temporal.schedulerTaskQueue(),
        new JobActivitiesImpl(connections, jobs, config.maxFailedJobsInARow(), retry), config.workerHeartbeatTimeout());
    factory.start();
    ConnectionWorkflows workflows = new ConnectionWorkflows(client, temporal.schedulerTaskQueue(), temporal.workerTaskQueue());
    Reconciler reconciler = new Reconciler(connections, jobs, workflows, Clock.systemUTC());
    ScheduledExecutorService loop = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "reconciler");
      t.setDaemon(true);
      return t;
    });
    long every = config.reconcileInterval().toMillis();
    loop.scheduleWithFixedDelay(() -> {
      try {
        reconciler.reconcile();
      } catch (RuntimeException e) {
        LOG.warn("Reconciliation failed; it runs again in {} ms: {}", every, e.toString());
      }
    }, 0, every, TimeUnit.MILLISECONDS);
    LOG.info("Scheduler serving task queue {} on Temporal {} (namespace {})", temporal.schedulerTaskQueue(), temporal.target(),
        temporal.namespace());
    return new SchedulerProcess(factory, loop, workflows);
  }

  public ConnectionWorkflows workflows() {
    return workflows;
  }

  @Override
  public void close() {
    reconcileLoop.shutdownNow();
    factory.shutdown();
  }

  /** {@code java -cp … io.airbyte.scheduler.SchedulerProcess}: the scheduler alone, configured by the environment. */
  public static void main(String[] args) throws InterruptedException {
    SchedulerConfig config = SchedulerConfig.fromEnvironment(System.getenv());
    SchedulerProcess process = start(io.airbyte.db.DataSources.create(config.database()), TemporalClients.create(config.temporal()),
        config);
    Runtime.getRuntime().addShutdownHook(new Thread(process::close));
    Thread.currentThread().join();
  }
}
