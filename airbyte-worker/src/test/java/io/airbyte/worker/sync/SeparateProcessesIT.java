package io.airbyte.worker.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.airbyte.contract.connection.ConnectionManagerWorkflow;
import io.airbyte.contract.connection.NamespaceDefinition;
import io.airbyte.contract.connector.ActorType;
import io.airbyte.contract.connector.ConnectorDefinition;
import io.airbyte.contract.connector.ConnectorRuntime.BuiltInJar;
import io.airbyte.contract.job.JobStatus;
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
import io.airbyte.db.workspace.WorkspaceRepository;
import io.airbyte.protocol.json.Jsons;
import io.airbyte.protocol.models.AirbyteStream;
import io.airbyte.protocol.models.ConfiguredAirbyteCatalog;
import io.airbyte.protocol.models.ConfiguredAirbyteStream;
import io.airbyte.protocol.models.DestinationSyncMode;
import io.airbyte.protocol.models.SyncMode;
import io.airbyte.scheduler.TemporalClients;
import io.airbyte.scheduler.TemporalSettings;
import io.airbyte.scheduler.reconcile.ConnectionWorkflows;
import io.airbyte.testsupport.postgres.PostgresExtension;
import io.airbyte.testsupport.postgres.PostgresTestDatabase;
import io.airbyte.worker.connector.ConnectorActivitiesImpl;
import io.airbyte.worker.process.JobDirectories;
import io.airbyte.worker.process.LocalConnectorJars;
import io.airbyte.worker.process.LocalProcessFactory;
import io.temporal.testserver.TestServer;
import java.io.File;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scheduler and the worker as two JVMs, configured by environment variables, against a Temporal
 * server on a port (Temporal's test server, as the embedded default uses it): the scheduler's
 * reconciler starts the connection's workflow, a sync moves the rows.
 */
@ExtendWith(PostgresExtension.class)
@Timeout(300)
class SeparateProcessesIT {

  private static final Path CONNECTORS = Path.of(System.getProperty("connectors.dir", "../connectors")).toAbsolutePath();

  @TempDir
  Path dir;

  @Test
  void schedulerAndWorkerInTheirOwnJvmsSync(PostgresTestDatabase db) throws Exception {
    DataSource ds = db.dataSource();
    MetadataDatabase.migrate(ds);
    db.execute("CREATE SCHEMA app", "CREATE TABLE app.items (id int PRIMARY KEY, name text)",
        "INSERT INTO app.items SELECT g, 'n' || g FROM generate_series(1, 300) g");
    List<Process> processes = new ArrayList<>();
    // in real time, as a deployment runs it
    BoundTemporal bound = BoundTemporal.start();
    int port = bound.port();
    try (var temporal = bound.server()) {
      Map<String, String> env = Map.of(
          "AIRBYTE_DATABASE_URL", db.jdbcUrl(), "AIRBYTE_DATABASE_USER", db.username(),
          "AIRBYTE_DATABASE_PASSWORD", db.password(), "TEMPORAL_HOST", "127.0.0.1:" + port,
          "AIRBYTE_LOCAL_CONNECTORS_DIR", CONNECTORS.toString(), "AIRBYTE_WORKSPACE_ROOT", dir.resolve("workspace").toString(),
          "AIRBYTE_RECONCILE_SECONDS", "2", "AIRBYTE_PROCESS_FACTORY", "local",
          "AIRBYTE_SECRETS_KEY", java.util.Base64.getEncoder().encodeToString(new byte[32]));
      processes.add(jvm("io.airbyte.scheduler.SchedulerProcess", env, "scheduler"));
      processes.add(jvm("io.airbyte.worker.sync.WorkerProcess", env, "worker"));

      // the worker registers the built-in connectors with their specs
      DefinitionRepository definitions = new DefinitionRepository(ds);
      UUID sourcePostgres = UUID.fromString("decd338e-5647-4c0b-adf4-da0e75f5a750");
      UUID destinationPostgres = UUID.fromString("25c5221d-dce2-4163-ade9-739ef790f503");
      await(() -> definitions.list(ActorType.SOURCE, null).size() + definitions.list(ActorType.DESTINATION, null).size()
          == BuiltInConnectors.ALL.size(),
          processes);
      ConnectorDefinition source = definitions.get(sourcePostgres);
      assertThat(source.spec().at("/connectionSpecification/properties/password/airbyte_secret").asBoolean()).isTrue();
      assertThat(definitions.list(ActorType.DESTINATION, null)).extracting(d -> d.image().repository())
          .contains("airbyte/destination-duckdb", "airbyte/destination-snowflake");

      UUID workspace = new WorkspaceRepository(ds).ensureDefault().id();
      SecretSplitter secrets = new SecretSplitter(new SecretRepository(ds, new io.airbyte.db.secret.SecretCipher(new byte[32])));
      ObjectNode sourceConfig = Jsons.object().put("host", "localhost").put("port", db.port()).put("database", db.databaseName())
          .put("username", db.username()).put("password", db.password());
      sourceConfig.putArray("schemas").add("app");
      ObjectNode destinationConfig = sourceConfig.deepCopy();
      destinationConfig.remove("schemas");
      destinationConfig.put("schema", "copied");
      ActorRepository actors = new ActorRepository(ds);
      UUID sourceId = actors.create(workspace, sourcePostgres, ActorType.SOURCE, "src",
          secrets.split(workspace, source.spec().get("connectionSpecification"), sourceConfig)).id();
      UUID destinationId = actors.create(workspace, destinationPostgres, ActorType.DESTINATION, "dst",
          secrets.split(workspace, definitions.get(destinationPostgres).spec().get("connectionSpecification"), destinationConfig))
          .id();
      var discover = new ConnectorActivitiesImpl(new LocalProcessFactory(new LocalConnectorJars(CONNECTORS, List.of())),
          new JobDirectories(dir.resolve("discover")), Duration.ofMinutes(2), Clock.systemUTC())
          .discover(new BuiltInJar("source-postgres"), sourceConfig);
      AirbyteStream items = discover.output().getStreams().stream().filter(s -> s.getName().equals("items")).findFirst()
          .orElseThrow();
      UUID connection = new ConnectionRepository(ds).create(new Connection(null, sourceId, destinationId, "c",
          new ConfiguredAirbyteCatalog().withStreams(List.of(new ConfiguredAirbyteStream().withStream(items)
              .withSyncMode(SyncMode.FULL_REFRESH).withDestinationSyncMode(DestinationSyncMode.OVERWRITE))),
          NamespaceDefinition.DESTINATION, null, "", Schedule.manual(), "ignore", "active", null, null, null)).id();

      TemporalSettings temporalSettings = TemporalSettings.fromEnvironment(env);
      var client = TemporalClients.create(temporalSettings);
      ConnectionWorkflows workflows = new ConnectionWorkflows(client, temporalSettings.schedulerTaskQueue(),
          temporalSettings.workerTaskQueue());
      // the scheduler's reconciler starts the workflow of the new connection by itself
      await(() -> workflows.isRunning(connection), processes);
      workflows.signal(connection, ConnectionManagerWorkflow::syncNow);
      JobRepository jobs = new JobRepository(ds);
      await(() -> jobs.list(connection, null, null, 1, 0).stream().anyMatch(j -> j.status().isTerminal()), processes);

      Job job = jobs.list(connection, null, null, 1, 0).get(0);
      assertThat(job.status()).as(String.valueOf(jobs.attempts(job.id()))).isEqualTo(JobStatus.SUCCEEDED);
      try (var c = db.connection(); Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT count(*) FROM copied.items")) {
        rs.next();
        assertThat(rs.getLong(1)).isEqualTo(300);
      }
      // row for row: every source row, with its name, and nothing else
      try (var c = db.connection(); Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT count(*) FROM copied.items c JOIN app.items a ON a.id = c.id AND a.name = c.name")) {
        rs.next();
        assertThat(rs.getLong(1)).isEqualTo(300);
      }
      // the attempt ran in the worker's JVM, not in this one
      assertThat(java.nio.file.Files.readString(dir.resolve("worker.log"))).contains("job " + job.id());
    } finally {
      for (Process p : processes) {
        p.destroyForcibly();
        p.waitFor();
      }
    }
  }

  /**
   * Temporal's test server on a port picked by the OS: the pick is closed before the server binds it,
   * so a port taken meanwhile by another process is retried with another pick.
   */
  private record BoundTemporal(TestServer.PortBoundTestServer server, int port) {

    static BoundTemporal start() throws java.io.IOException {
      for (int tries = 1; ; tries++) {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
          port = socket.getLocalPort();
        }
        try {
          return new BoundTemporal(TestServer.createPortBoundServer(port, true), port);
        } catch (RuntimeException e) {
          if (!(e.getCause() instanceof java.io.IOException) || tries == 5) {
            throw e;
          }
        }
      }
    }
  }

  private Process jvm(String mainClass, Map<String, String> env, String name) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder builder = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"), mainClass)
        .redirectErrorStream(true)
        .redirectOutput(dir.resolve(name + ".log").toFile());
    builder.environment().putAll(env);
    return builder.start();
  }

  private void await(BooleanSupplier condition, List<Process> processes) throws Exception {
    long end = System.currentTimeMillis() + 150_000;
    while (!condition.getAsBoolean()) {
      for (Process p : processes) {
        if (!p.isAlive()) {
          throw new AssertionError("a platform process ended: " + tail());
        }
      }
      if (System.currentTimeMillis() > end) {
        throw new AssertionError("not within 150 s: " + tail());
      }
      Thread.sleep(200);
    }
  }

  private String tail() throws Exception {
    StringBuilder out = new StringBuilder();
    for (String name : List.of("scheduler", "worker")) {
      File log = dir.resolve(name + ".log").toFile();
      if (log.exists()) {
        List<String> lines = java.nio.file.Files.readAllLines(log.toPath());
        out.append("\n--- ").append(name).append(" ---\n")
            .append(String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size())));
      }
    }
    return out.toString();
  }
}
