package io.airbyte.worker.sync;

import io.airbyte.db.DataSources;
import io.airbyte.db.MetadataDatabase;
import io.airbyte.db.actor.ActorRepository;
import io.airbyte.db.connection.ConnectionRepository;
import io.airbyte.db.definition.DefinitionRepository;
import io.airbyte.db.job.JobRepository;
import io.airbyte.db.secret.SecretRepository;
import io.airbyte.db.secret.SecretSplitter;
import io.airbyte.db.state.StateRepository;
import io.airbyte.db.state.StreamGenerationRepository;
import io.airbyte.scheduler.SchedulerProcess;
import io.airbyte.scheduler.TemporalClients;
import io.airbyte.scheduler.TemporalSettings;
import io.airbyte.worker.connector.ConnectorActivitiesImpl;
import io.airbyte.worker.process.ClassDataArchives;
import io.airbyte.worker.manifest.ManifestTools;
import io.airbyte.worker.process.JobDirectories;
import io.airbyte.worker.process.PythonEnvironments;
import io.airbyte.worker.process.LocalConnectorJars;
import io.airbyte.worker.process.ProcessFactory;
import io.airbyte.worker.process.ProcessFactoryConfig;
import io.airbyte.worker.replication.ReplicationSettings;
import io.airbyte.worker.replication.ReplicationWorker;
import io.airbyte.worker.state.DatabaseStatePersistence;
import io.temporal.client.WorkflowClient;
import io.temporal.worker.WorkerFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The worker in a process: serves check and replicate on the worker's task queue with the configured
 * process factory ({@link ProcessFactoryConfig}), removes what a crashed run left (containers, and connector
 * configurations: secrets), registers the built-in connectors. With {@code AIRBYTE_EMBED_SCHEDULER=true} the
 * scheduler runs in the same JVM. Its settings are {@link WorkerConfig}'s.
 */
public final class WorkerProcess implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(WorkerProcess.class);

  private final WorkerFactory factory;
  private final SchedulerProcess scheduler;
  private final ClassDataArchives archives;
  private final JobDirectories directories;

  private WorkerProcess(WorkerFactory factory, SchedulerProcess scheduler, ClassDataArchives archives,
      JobDirectories directories) {
    this.factory = factory;
    this.scheduler = scheduler;
    this.archives = archives;
    this.directories = directories;
  }

  /** The worker configured by {@code env}, on {@code temporal} (tests start it so). */
  public static WorkerProcess start(DataSource dataSource, WorkflowClient client, TemporalSettings temporal,
      Map<String, String> env) {
    return start(dataSource, client, WorkerConfig.fromEnvironment(env).withTemporal(temporal));
  }

  public static WorkerProcess start(DataSource dataSource, WorkflowClient client, WorkerConfig settings) {
    TemporalSettings temporal = settings.temporal();
    MetadataDatabase.migrate(dataSource);
    ProcessFactoryConfig config = settings.processes();
    List<String> javaOptions = settings.localConnectorJavaOptions();
    // only local processes run the jars
    boolean classData = config.kind().equals("local") && settings.localConnectorClassData();
    ClassDataArchives archives = classData
        ? new ClassDataArchives(config.workspaceRoot().resolve(".class-data"), LocalConnectorJars.java(), javaOptions)
        : null;
    LocalConnectorJars jars = new LocalConnectorJars(settings.localConnectorsDir(),
        javaOptions, archives);
    ProcessFactory processes = config.create(jars, settings.connectorTag(), settings.containerOwner());
    try {
      processes.cleanupLeftovers();
    } catch (RuntimeException e) {
      LOG.warn("Could not look for leftover connector containers: {}", e.toString());
    }
    JobDirectories directories = new JobDirectories(config.workspaceRoot(), settings.containerOwner());
    // a crashed worker's connector configurations hold secrets
    directories.removeLeftoverSecrets();
    Clock clock = Clock.systemUTC();
    ConnectorActivitiesImpl connectors = new ConnectorActivitiesImpl(processes, directories, Duration.ofMinutes(30), clock);
    DefinitionRepository definitions = new DefinitionRepository(dataSource);
    int builtIns = BuiltInConnectors.register(definitions, connectors, settings.connectorTag());
    LOG.info("{} built-in connector(s) registered", builtIns);

    DatabaseStatePersistence state = new DatabaseStatePersistence(new StateRepository(dataSource));
    SecretSplitter secrets = new SecretSplitter(new SecretRepository(dataSource, io.airbyte.db.secret.SecretCipher.from(settings.secrets())));
    ActorRepository actors = new ActorRepository(dataSource);
    AttemptInputs inputs = new AttemptInputs(new ConnectionRepository(dataSource), actors, definitions,
        secrets, new StreamGenerationRepository(dataSource), state, settings.typedRows());
    ReplicationSettings replication = ReplicationSettings.defaults()
        .withHeartbeatTimeout(settings.heartbeatTimeout());
    ReplicationWorker worker = new ReplicationWorker(processes, state, replication, directories, clock);
    WorkerFactory factory = WorkerFactory.newInstance(client);
    RecentChecks recentChecks = new RecentChecks(settings.checkReuse(), clock);
    SyncWorkers.register(factory, temporal.workerTaskQueue(), new SyncActivitiesImpl(inputs, connectors, worker,
        new JobRepository(dataSource), Duration.ofSeconds(5), settings.workerId(), recentChecks),
        settings.maxConcurrentSyncs(),
        new ConnectorCommandActivitiesImpl(connectors, actors, secrets,
            new ManifestTools(PythonEnvironments.of(config.python()), directories, Duration.ofMinutes(10)), recentChecks));
    factory.start();
    LOG.info("Worker {} serving task queue {} with the {} process factory", settings.workerId(), temporal.workerTaskQueue(),
        config.kind());
    SchedulerProcess scheduler = settings.embeddedScheduler() != null
        ? SchedulerProcess.start(dataSource, client, settings.embeddedScheduler())
        : null;
    return new WorkerProcess(factory, scheduler, archives, directories);
  }

  @Override
  public void close() {
    if (scheduler != null) {
      scheduler.close();
    }
    factory.shutdown();
    // connectors still running do not outlive the worker with their secrets on disk
    directories.removeLeftoverSecrets();
    if (archives != null) {
      archives.close();
    }
  }

  /** {@code java -cp … io.airbyte.worker.sync.WorkerProcess}: the worker, configured by the environment. */
  public static void main(String[] args) throws InterruptedException {
    WorkerConfig config = WorkerConfig.fromEnvironment(System.getenv());
    WorkerProcess process = start(DataSources.create(config.database()), TemporalClients.create(config.temporal()), config);
    Runtime.getRuntime().addShutdownHook(new Thread(process::close));
    Thread.currentThread().join();
  }
}
