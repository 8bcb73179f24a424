package io.airbyte.worker.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.airbyte.contract.connection.ConnectionManagerWorkflow;
import io.airbyte.contract.connection.NamespaceDefinition;
import io.airbyte.contract.connector.ActorType;
import io.airbyte.contract.connector.ConnectorDefinition;
import io.airbyte.contract.connector.ConnectorRuntime.BuiltInJar;
import io.airbyte.contract.job.JobStatus;
import io.airbyte.contract.job.RetrySettings;
import io.airbyte.contract.schedule.Schedule;
import io.airbyte.db.MetadataDatabase;
import io.airbyte.db.actor.ActorRepository;
import io.airbyte.db.connection.Connection;
import io.airbyte.db.connection.ConnectionRepository;
import io.airbyte.db.definition.DefinitionRepository;
import io.airbyte.db.job.Job;
import io.airbyte.db.job.JobRepository;
import io.airbyte.db.secret.SecretRepository;
import io.airbyte.db.secret.SecretSplitter;
import io.airbyte.db.state.StateRepository;
import io.airbyte.db.state.StreamGenerationRepository;
import io.airbyte.db.workspace.WorkspaceRepository;
import io.airbyte.protocol.json.Jsons;
import io.airbyte.protocol.models.AirbyteStream;
import io.airbyte.protocol.models.ConfiguredAirbyteCatalog;
import io.airbyte.protocol.models.ConfiguredAirbyteStream;
import io.airbyte.protocol.models.DestinationSyncMode;
import io.airbyte.protocol.models.SyncMode;
import io.airbyte.scheduler.SchedulerWorkers;
import io.airbyte.scheduler.job.JobActivitiesImpl;
import io.airbyte.scheduler.reconcile.ConnectionWorkflows;
import io.airbyte.testsupport.postgres.PostgresExtension;
import io.airbyte.testsupport.postgres.PostgresTestDatabase;
import io.airbyte.worker.connector.ConnectorActivitiesImpl;
import io.airbyte.worker.process.JobDirectories;
import io.airbyte.worker.process.LocalConnectorJars;
import io.airbyte.worker.process.LocalProcessFactory;
import io.airbyte.worker.replication.ReplicationSettings;
import io.airbyte.worker.replication.ReplicationWorker;
import io.airbyte.worker.state.DatabaseStatePersistence;
import io.temporal.testing.TestWorkflowEnvironment;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole path on Temporal's test environment: the connection workflow, the real worker activities
 * and our connectors as local processes move PostgreSQL → PostgreSQL, with state in the metadata
 * database; a second sync starts from it; a clear empties the destination and forgets the state.
 */
@ExtendWith(PostgresExtension.class)
@Timeout(300)
class SyncOnTemporalIT {

  private static final Path CONNECTORS = Path.of(System.getProperty("connectors.dir", "../connectors"));

  @TempDir
  Path workspace;

  @Test
  void syncsIncrementallyThroughTheWorkflowsAndClears(PostgresTestDatabase db) throws Exception {
    DataSource ds = db.dataSource();
    MetadataDatabase.migrate(ds);
    db.execute("CREATE SCHEMA app",
        "CREATE TABLE app.events (id bigint PRIMARY KEY, kind text, updated_at timestamptz NOT NULL)",
        "INSERT INTO app.events SELECT g, 'k' || g, timestamptz '2024-01-01' + g * interval '1 minute' FROM generate_series(1, 1000) g");

    ConnectionRepository connections = new ConnectionRepository(ds);
    JobRepository jobs = new JobRepository(ds);
    DefinitionRepository definitions = new DefinitionRepository(ds);
    ActorRepository actors = new ActorRepository(ds);
    SecretSplitter secrets = new SecretSplitter(new SecretRepository(ds, new io.airbyte.db.secret.SecretCipher(new byte[32])));
    LocalConnectorJars jars = new LocalConnectorJars(CONNECTORS, List.of("-XX:+UseSerialGC", "-Xmx192m"));
    LocalProcessFactory processes = new LocalProcessFactory(jars);
    JobDirectories directories = new JobDirectories(workspace);
    ConnectorActivitiesImpl connectorActivities = new ConnectorActivitiesImpl(processes, directories, Duration.ofMinutes(2),
        Clock.systemUTC());
    BuiltInJar sourceConnector = new BuiltInJar("source-postgres");
    BuiltInJar destinationConnector = new BuiltInJar("destination-postgres");
    assertThat(jars.commandFor(sourceConnector)).as("source-postgres jar under " + CONNECTORS).isNotEmpty();

    // definitions with the specs the connectors give
    var sourceSpec = connectorActivities.spec(sourceConnector).output();
    var destinationSpec = connectorActivities.spec(destinationConnector).output();
    UUID sourceDefinition = definitions.registerBuiltIn(new ConnectorDefinition(
        UUID.fromString("decd338e-5647-4c0b-adf4-da0e75f5a750"), ActorType.SOURCE, "Postgres", "dev", null,
        Jsons.toTree(sourceSpec), "0.2.0", true, null, null, sourceConnector)).id();
    UUID destinationDefinition = definitions.registerBuiltIn(new ConnectorDefinition(
        UUID.fromString("25c5221d-dce2-4163-ade9-739ef790f503"), ActorType.DESTINATION, "Postgres", "dev", null,
        Jsons.toTree(destinationSpec), "0.2.0", true, null, null, destinationConnector)).id();

    UUID workspaceId = new WorkspaceRepository(ds).ensureDefault().id();
    ObjectNode sourceConfig = Jsons.object().put("host", "localhost").put("port", db.port()).put("database", db.databaseName())
        .put("username", db.username()).put("password", db.password());
    sourceConfig.putArray("schemas").add("app");
    sourceConfig.putObject("ssl_mode").put("mode", "disable");
    ObjectNode destinationConfig = sourceConfig.deepCopy();
    destinationConfig.remove("schemas");
    destinationConfig.put("schema", "landing");
    UUID sourceId = actors.create(workspaceId, sourceDefinition, ActorType.SOURCE, "app db",
        secrets.split(workspaceId, sourceSpec.getConnectionSpecification(), sourceConfig)).id();
    UUID destinationId = actors.create(workspaceId, destinationDefinition, ActorType.DESTINATION, "warehouse",
        secrets.split(workspaceId, destinationSpec.getConnectionSpecification(), destinationConfig)).id();
    assertThat(actors.get(ActorType.SOURCE, sourceId).configuration().toString()).doesNotContain(db.password());

    AirbyteStream events = connectorActivities.discover(sourceConnector, sourceConfig).output().getStreams().stream()
        .filter(s -> s.getName().equals("events")).findFirst().orElseThrow();
    ConfiguredAirbyteStream configured = new ConfiguredAirbyteStream().withStream(events).withSyncMode(SyncMode.INCREMENTAL)
        .withCursorField(List.of("updated_at")).withDestinationSyncMode(DestinationSyncMode.APPEND_DEDUP)
        .withPrimaryKey(List.of(List.of("id")));
    UUID connection = connections.create(new Connection(null, sourceId, destinationId, "app → warehouse",
        new ConfiguredAirbyteCatalog().withStreams(List.of(configured)), NamespaceDefinition.DESTINATION, null, "", Schedule.manual(),
        "ignore", "active", null, null, null)).id();

    DatabaseStatePersistence state = new DatabaseStatePersistence(new StateRepository(ds));
    AttemptInputs inputs = new AttemptInputs(connections, actors, definitions, secrets, new StreamGenerationRepository(ds), state);
    ReplicationWorker replication = new ReplicationWorker(processes, state, ReplicationSettings.defaults(), directories,
        Clock.systemUTC());

    try (TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance()) {
      SchedulerWorkers.register(env.getWorkerFactory(), "CONNECTION_UPDATER", new JobActivitiesImpl(connections, jobs, 3, RetrySettings.defaults()));
      SyncWorkers.register(env.getWorkerFactory(), "SYNC",
          new SyncActivitiesImpl(inputs, connectorActivities, replication, jobs, Duration.ofMillis(500)), 2);
      env.start();
      ConnectionWorkflows workflows = new ConnectionWorkflows(env.getWorkflowClient(), "CONNECTION_UPDATER", "SYNC");

      workflows.signal(connection, ConnectionManagerWorkflow::syncNow);
      Job first = awaitJobs(jobs, connection, 1);
      assertThat(first.status()).as(String.valueOf(jobs.attempts(first.id()))).isEqualTo(JobStatus.SUCCEEDED);
      assertThat(count(db, "SELECT count(*) FROM landing.events")).isEqualTo(1000);
      assertThat(jobs.committedTotals(first.id())[0]).isEqualTo(1000);
      assertThat(state.current(connection.toString()).messages()).hasSize(1);

      db.execute("UPDATE app.events SET kind = 'changed', updated_at = now() WHERE id <= 5",
          "INSERT INTO app.events VALUES (1001, 'new', now())");
      workflows.signal(connection, ConnectionManagerWorkflow::syncNow);
      Job second = awaitJobs(jobs, connection, 2);
      assertThat(second.status()).isEqualTo(JobStatus.SUCCEEDED);
      // only what changed, plus at most the boundary rows
      assertThat(jobs.stats(second.id(), 0).get(0).recordsEmitted()).isBetween(6L, 8L);
      assertThat(count(db, "SELECT count(*) FROM landing.events")).isEqualTo(1001);
      assertThat(count(db, "SELECT count(*) FROM landing.events WHERE kind = 'changed'")).isEqualTo(5);

      // refresh: everything read again into a new generation; the old rows go once the new ones landed
      workflows.signal(connection, w -> w.refresh(List.of()));
      Job refreshed = awaitJobs(jobs, connection, 3);
      assertThat(refreshed.status()).as(String.valueOf(jobs.attempts(refreshed.id()))).isEqualTo(JobStatus.SUCCEEDED);
      assertThat(jobs.stats(refreshed.id(), 0).get(0).recordsEmitted()).isEqualTo(1001);
      assertThat(count(db, "SELECT count(*) FROM landing.events")).isEqualTo(1001);
      assertThat(count(db, "SELECT count(DISTINCT _airbyte_generation_id) FROM landing.events")).isEqualTo(1);
      assertThat(count(db, "SELECT max(_airbyte_generation_id) FROM landing.events")).isEqualTo(1);

      workflows.signal(connection, w -> w.clear(List.of()));
      Job cleared = awaitJobs(jobs, connection, 4);
      assertThat(cleared.status()).as(String.valueOf(jobs.attempts(cleared.id()))).isEqualTo(JobStatus.SUCCEEDED);
      assertThat(count(db, "SELECT count(*) FROM landing.events")).isZero();
      assertThat(state.current(connection.toString()).isEmpty()).isTrue();
    }
  }

  private static Job awaitJobs(JobRepository jobs, UUID connection, int n) throws InterruptedException {
    await(() -> {
      List<Job> list = jobs.list(connection, null, null, 10, 0);
      return list.size() == n && list.get(0).status().isTerminal();
    });
    return jobs.list(connection, null, null, 1, 0).get(0);
  }

  private static void await(BooleanSupplier condition) throws InterruptedException {
    long end = System.currentTimeMillis() + 120_000;
    while (!condition.getAsBoolean()) {
      if (System.currentTimeMillis() > end) {
        throw new AssertionError("not within 120 s");
      }
      Thread.sleep(100);
    }
  }

  private static long count(PostgresTestDatabase db, String sql) throws Exception {
    try (var c = db.connection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
