package io.airbyte.worker.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.airbyte.contract.connection.ConnectionManagerWorkflow;
import io.airbyte.contract.connection.NamespaceDefinition;
import io.airbyte.contract.connector.ActorType;
import io.airbyte.contract.connector.ConnectorRuntime.BuiltInJar;
import io.airbyte.contract.job.RetrySettings;
import io.airbyte.contract.schedule.Schedule;
import io.airbyte.db.MetadataDatabase;
import io.airbyte.db.actor.ActorRepository;
import io.airbyte.db.connection.Connection;
import io.airbyte.db.connection.ConnectionRepository;
import io.airbyte.db.definition.DefinitionRepository;
import io.airbyte.db.job.Attempt;
import io.airbyte.db.job.Job;
import io.airbyte.db.job.JobRepository;
import io.airbyte.db.secret.SecretCipher;
import io.airbyte.db.secret.SecretRepository;
import io.airbyte.db.secret.SecretSplitter;
import io.airbyte.db.state.StateRepository;
import io.airbyte.db.state.StreamGenerationRepository;
import io.airbyte.db.workspace.WorkspaceRepository;
import io.airbyte.protocol.models.AirbyteStream;
import io.airbyte.protocol.models.ConfiguredAirbyteCatalog;
import io.airbyte.protocol.models.ConfiguredAirbyteStream;
import io.airbyte.scheduler.SchedulerWorkers;
import io.airbyte.scheduler.job.JobActivitiesImpl;
import io.airbyte.scheduler.reconcile.ConnectionWorkflows;
import io.airbyte.testsupport.postgres.PostgresTestDatabase;
import io.airbyte.worker.connector.ConnectorActivitiesImpl;
import io.airbyte.worker.process.JobDirectories;
import io.airbyte.worker.process.LocalConnectorJars;
import io.airbyte.worker.process.LocalProcessFactory;
import io.airbyte.worker.replication.ReplicationSettings;
import io.airbyte.worker.replication.ReplicationWorker;
import io.airbyte.worker.state.DatabaseStatePersistence;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;

/**
 * The platform's sync path in one test JVM, as the worker and the scheduler run it: the metadata
 * database (migrated, built-in connectors registered with their specs), the connection workflow with
 * its retry policy on Temporal's test environment, the real sync activities (checks, then the
 * replication engine) and our connector jars as local processes, state in the metadata database.
 * Each attempt runs in {@code workspace/<job>/<attempt>}.
 */
final class SyncPlatform implements AutoCloseable {

  static final Path CONNECTORS = Path.of(System.getProperty("connectors.dir", "../connectors")).toAbsolutePath();

  final DataSource metadata;
  final ConnectionRepository connections;
  final JobRepository jobs;
  final ActorRepository actors;
  final DefinitionRepository definitions;
  final SecretSplitter secrets;
  final DatabaseStatePersistence state;
  final ConnectorActivitiesImpl connectors;
  final JobDirectories directories;
  final UUID workspace;
  private final TestWorkflowEnvironment env;
  final ConnectionWorkflows workflows;

  /**
   * @param timeSkipping whether Temporal's timers are skipped (fast tests of schedules and backoffs)
   *     or run in real time, as a deployment runs them
   */
  SyncPlatform(PostgresTestDatabase db, Path workspaceRoot, RetrySettings retry, boolean timeSkipping) {
    this(db, workspaceRoot, retry, timeSkipping, RecentChecks.none());
  }

  /** The same, with the worker's memory of passed checks ({@code AIRBYTE_CHECK_REUSE_SECONDS}). */
  SyncPlatform(PostgresTestDatabase db, Path workspaceRoot, RetrySettings retry, boolean timeSkipping,
      RecentChecks recentChecks) {
    metadata = db.dataSource();
    MetadataDatabase.migrate(metadata);
    connections = new ConnectionRepository(metadata);
    jobs = new JobRepository(metadata);
    actors = new ActorRepository(metadata);
    definitions = new DefinitionRepository(metadata);
    secrets = new SecretSplitter(new SecretRepository(metadata, new SecretCipher(new byte[32])));
    state = new DatabaseStatePersistence(new StateRepository(metadata));
    LocalProcessFactory processes = new LocalProcessFactory(new LocalConnectorJars(CONNECTORS,
        List.of("-XX:+UseSerialGC", "-Xmx192m")));
    directories = new JobDirectories(workspaceRoot);
    connectors = new ConnectorActivitiesImpl(processes, directories, Duration.ofMinutes(2), Clock.systemUTC());
    if (BuiltInConnectors.register(definitions, connectors, "dev") < BuiltInConnectors.ALL.size()) {
      throw new IllegalStateException("the built-in connector jars are not all under " + CONNECTORS
          + ": build the connectors first (./mvnw -B verify builds them first)");
    }
    workspace = new WorkspaceRepository(metadata).ensureDefault().id();
    AttemptInputs inputs = new AttemptInputs(connections, actors, definitions, secrets, new StreamGenerationRepository(metadata),
        state);
    ReplicationWorker replication = new ReplicationWorker(processes, state, ReplicationSettings.defaults(), directories,
        Clock.systemUTC());
    env = TestWorkflowEnvironment.newInstance(TestEnvironmentOptions.newBuilder().setUseTimeskipping(timeSkipping).build());
    SchedulerWorkers.register(env.getWorkerFactory(), "CONNECTION_UPDATER", new JobActivitiesImpl(connections, jobs, 3, retry));
    SyncWorkers.register(env.getWorkerFactory(), "SYNC",
        new SyncActivitiesImpl(inputs, connectors, replication, jobs, Duration.ofMillis(500), WorkerIds.local(), recentChecks), 2);
    env.start();
    workflows = new ConnectionWorkflows(env.getWorkflowClient(), "CONNECTION_UPDATER", "SYNC");
  }

  /** A source or destination of the built-in connector {@code connector}, its secrets split off as the API does. */
  UUID actor(ActorType type, String connector, ObjectNode config) {
    var definition = definitions.list(type, null).stream()
        .filter(d -> d.runtime() instanceof BuiltInJar jar && jar.name().equals(connector)).findFirst()
        .orElseThrow(() -> new IllegalStateException(connector + " is not registered"));
    return actors.create(workspace, definition.id(), type, connector + "-" + UUID.randomUUID(),
        secrets.split(workspace, definition.spec().get("connectionSpecification"), config)).id();
  }

  /** The stream {@code name} as {@code source-postgres} discovers it with {@code config}. */
  AirbyteStream discover(ObjectNode config, String name) {
    return discover(config, List.of(name)).get(0);
  }

  /** The streams {@code names}, in this order, as one {@code discover} of {@code source-postgres} finds them. */
  List<AirbyteStream> discover(ObjectNode config, List<String> names) {
    List<AirbyteStream> found = connectors.discover(new BuiltInJar("source-postgres"), config).output().getStreams();
    return names.stream().map(name -> found.stream().filter(s -> s.getName().equals(name)).findFirst()
        .orElseThrow(() -> new IllegalStateException("source-postgres did not discover " + name))).toList();
  }

  UUID connection(UUID source, UUID destination, List<ConfiguredAirbyteStream> streams) {
    return connections.create(new Connection(null, source, destination, "connection " + UUID.randomUUID(),
        new ConfiguredAirbyteCatalog().withStreams(streams), NamespaceDefinition.DESTINATION, null, "", Schedule.manual(),
        "ignore", "active", null, null, null)).id();
  }

  /** Asks for a sync now (the UI's "Sync now") and returns the job, once it exists. */
  Job startSync(UUID connection, int jobsBefore) throws InterruptedException {
    workflows.signal(connection, ConnectionManagerWorkflow::syncNow);
    await(() -> jobs.list(connection, null, null, 10, 0).size() > jobsBefore, Duration.ofMinutes(2));
    return jobs.list(connection, null, null, 1, 0).get(0);
  }

  /** The job once it has ended (after all its attempts). */
  Job awaitEnd(long jobId, Duration timeout) throws InterruptedException {
    await(() -> jobs.get(jobId).status().isTerminal(), timeout);
    return jobs.get(jobId);
  }

  /** A sync from start to end. */
  Job sync(UUID connection, Duration timeout) throws InterruptedException {
    int before = jobs.list(connection, null, null, 100, 0).size();
    return awaitEnd(startSync(connection, before).id(), timeout);
  }

  List<Attempt> attempts(long jobId) {
    return jobs.attempts(jobId);
  }

  /** The attempt's first failure (its cause), as stored: {@code failureOrigin}, {@code failureType} … */
  static JsonNode cause(Attempt attempt) {
    return attempt.failureSummary() == null ? null : attempt.failureSummary().path("failures").path(0);
  }

  /** The attempt's directory, where its log and its input state are. */
  Path attemptDirectory(long jobId, int attempt) {
    return directories.attempt(Long.toString(jobId), attempt);
  }

  /** A source-postgres config reading {@code schema} of {@code db}. */
  static ObjectNode sourceConfig(PostgresTestDatabase db, String schema) {
    ObjectNode config = postgresConfig(db);
    config.putArray("schemas").add(schema);
    return config;
  }

  /** A destination-postgres config writing into {@code schema} of {@code db}. */
  static ObjectNode destinationConfig(PostgresTestDatabase db, String schema) {
    return postgresConfig(db).put("schema", schema);
  }

  private static ObjectNode postgresConfig(PostgresTestDatabase db) {
    ObjectNode config = io.airbyte.protocol.json.Jsons.object().put("host", db.host()).put("port", db.port())
        .put("database", db.databaseName()).put("username", db.username()).put("password", db.password());
    config.putObject("ssl_mode").put("mode", "disable");
    return config;
  }

  static void await(BooleanSupplier condition, Duration timeout) throws InterruptedException {
    long end = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > end) {
        throw new AssertionError("not within " + timeout);
      }
      Thread.sleep(20);
    }
  }

  @Override
  public void close() {
    env.close();
  }
}
