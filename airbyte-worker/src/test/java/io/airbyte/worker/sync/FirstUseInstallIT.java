package io.airbyte.worker.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.airbyte.contract.command.ConnectorCommand;
import io.airbyte.contract.command.ConnectorCommandActivities;
import io.airbyte.contract.command.ConnectorCommandInput;
import io.airbyte.contract.command.ConnectorCommandOutput;
import io.airbyte.contract.connection.NamespaceDefinition;
import io.airbyte.contract.connector.ActorType;
import io.airbyte.contract.connector.ConnectorDefinition;
import io.airbyte.contract.connector.ConnectorRuntime;
import io.airbyte.contract.connector.ConnectorRuntime.BuiltInJar;
import io.airbyte.contract.connector.ConnectorRuntime.PythonPackage;
import io.airbyte.contract.failure.FailureType;
import io.airbyte.contract.job.JobType;
import io.airbyte.contract.schedule.Schedule;
import io.airbyte.contract.sync.SyncActivities;
import io.airbyte.contract.sync.SyncInput;
import io.airbyte.db.MetadataDatabase;
import io.airbyte.db.actor.ActorRepository;
import io.airbyte.db.connection.Connection;
import io.airbyte.db.connection.ConnectionRepository;
import io.airbyte.db.definition.DefinitionRepository;
import io.airbyte.db.job.JobRepository;
import io.airbyte.db.secret.SecretRepository;
import io.airbyte.db.secret.SecretSplitter;
import io.airbyte.db.state.StateRepository;
import io.airbyte.db.state.StreamGenerationRepository;
import io.airbyte.db.workspace.WorkspaceRepository;
import io.airbyte.protocol.json.Jsons;
import io.airbyte.protocol.models.ConfiguredAirbyteCatalog;
import io.airbyte.testsupport.postgres.PostgresExtension;
import io.airbyte.testsupport.postgres.PostgresTestDatabase;
import io.airbyte.worker.connector.ConnectorActivitiesImpl;
import io.airbyte.worker.process.JobDirectories;
import io.airbyte.worker.process.LocalConnectorJars;
import io.airbyte.worker.process.LocalProcessFactory;
import io.airbyte.worker.process.PythonConfig;
import io.airbyte.worker.process.PythonConnectors;
import io.airbyte.worker.process.PythonEnvironments;
import io.airbyte.worker.replication.ReplicationInput;
import io.airbyte.worker.replication.ReplicationOutput;
import io.airbyte.worker.replication.ReplicationRun;
import io.airbyte.worker.replication.ReplicationSettings;
import io.airbyte.worker.replication.ReplicationStatus;
import io.airbyte.worker.replication.ReplicationWorker;
import io.airbyte.worker.state.DatabaseStatePersistence;
import io.airbyte.worker.state.InMemoryStatePersistence;
import io.temporal.activity.ActivityOptions;
import io.temporal.failure.CanceledFailure;
import io.temporal.testing.TestActivityEnvironment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sync's first use of a Python connector, installed then into a fresh environments directory: in
 * the check activity (the first thing a sync runs) the install heartbeats to Temporal, its pip lines
 * land in the attempt's log, and a cancellation stops pip; a replication cancelled while its source
 * is being installed ends at once, cancelled, with no pip left running; a spec asked through the API
 * that installs heartbeats as well.
 */
@ExtendWith(PostgresExtension.class)
@Timeout(600)
class FirstUseInstallIT {

  private static final Path CONNECTORS = Path.of(System.getProperty("connectors.dir", "../connectors"));
  private static final Duration HEARTBEAT = Duration.ofMillis(200);

  @TempDir
  Path dir;

  @Test
  void theChecksInstallHeartbeatsAndWritesPipsLinesToTheAttemptLog(PostgresTestDatabase db) throws Exception {
    PythonPackage cowsay = PythonConnectors.pinned("cowsay");
    PythonEnvironments pythons = freshEnvironments();
    Fixture fixture = new Fixture(db, pythons, cowsay);
    AtomicInteger heartbeatsDuringInstall = new AtomicInteger();
    Path environment = pythons.directory(cowsay);

    TestActivityEnvironment env = TestActivityEnvironment.newInstance();
    try {
      env.registerActivitiesImplementations(fixture.activities());
      env.setActivityHeartbeatListener(Object.class, details -> {
        if (Files.isDirectory(environment) && !Files.exists(environment.resolve(".airbyte-connector-script"))) {
          heartbeatsDuringInstall.incrementAndGet();
        }
      });
      var check = env.newActivityStub(SyncActivities.class, options()).checkSource(fixture.input(42));
      // cowsay is no connector: installed, it does not answer "check"; the install is what is looked at
      assertThat(check.succeeded()).isFalse();
    } finally {
      env.close();
    }

    String log = Files.readString(fixture.attemptLog(42));
    assertThat(log).contains("platform > INFO Checking the source " + cowsay.describe())
        .contains("platform > INFO Installing " + cowsay.describe() + " into a virtual environment of its own")
        .contains("platform > INFO Successfully installed cowsay-" + cowsay.version())
        .contains("platform > INFO Installed " + cowsay.describe() + "; it runs as cowsay")
        .contains("platform > INFO Check of the source: failed");
    assertThat(Files.exists(environment.resolve(".airbyte-connector-script"))).isTrue();
    assertThat(heartbeatsDuringInstall.get()).as("heartbeats while pip ran").isPositive();
  }

  @Test
  void aSpecFromTheApiThatInstallsHeartbeats() throws Exception {
    PythonPackage cowsay = PythonConnectors.pinned("cowsay");
    PythonEnvironments pythons = freshEnvironments();
    Path environment = pythons.directory(cowsay);
    AtomicInteger heartbeatsDuringInstall = new AtomicInteger();
    var connectors = new ConnectorActivitiesImpl(new LocalProcessFactory(jars(), pythons, Map.of()),
        new JobDirectories(dir.resolve("workspace")), Duration.ofMinutes(2), Clock.systemUTC());

    TestActivityEnvironment env = TestActivityEnvironment.newInstance();
    try {
      env.registerActivitiesImplementations(new ConnectorCommandActivitiesImpl(connectors, null, null, null, HEARTBEAT));
      env.setActivityHeartbeatListener(Object.class, details -> {
        if (Files.isDirectory(environment) && !Files.exists(environment.resolve(".airbyte-connector-script"))) {
          heartbeatsDuringInstall.incrementAndGet();
        }
      });
      ConnectorCommandOutput spec = env.newActivityStub(ConnectorCommandActivities.class, options())
          .run(new ConnectorCommandInput(ConnectorCommand.SPEC, ActorType.SOURCE, cowsay, null, null));
      assertThat(spec.succeeded()).isFalse(); // cowsay is no connector
      assertThat(Files.readString(Path.of(spec.logPath()))).contains("Successfully installed cowsay-" + cowsay.version());
    } finally {
      env.close();
    }
    assertThat(heartbeatsDuringInstall.get()).as("heartbeats while pip ran").isPositive();
  }

  @Test
  void aCheckCancelledDuringTheInstallStopsPip(PostgresTestDatabase db) throws Exception {
    PythonPackage faker = PythonConnectors.pinned("airbyte-source-faker");
    PythonEnvironments pythons = freshEnvironments();
    Fixture fixture = new Fixture(db, pythons, faker);

    TestActivityEnvironment env = TestActivityEnvironment.newInstance();
    try {
      env.registerActivitiesImplementations(fixture.activities());
      SyncActivities stub = env.newActivityStub(SyncActivities.class, options());
      CompletableFuture<Object> check = CompletableFuture.supplyAsync(() -> stub.checkSource(fixture.input(43)));
      awaitLine(fixture.attemptLog(43), "Collecting airbyte-source-faker");
      env.requestCancelActivity();

      assertThatThrownBy(() -> check.get(30, TimeUnit.SECONDS)).hasRootCauseInstanceOf(CanceledFailure.class);
    } finally {
      env.close();
    }
    assertThat(pipsOf(pythons.directory(faker))).as("pip of the cancelled install").isZero();
    assertThat(Files.exists(pythons.directory(faker).resolve(".airbyte-connector-script"))).isFalse();
    assertThat(Files.readString(fixture.attemptLog(43))).contains("Checking the source " + faker.describe());
  }

  @Test
  void aReplicationCancelledWhileItsSourceInstallsEndsAtOnce(PostgresTestDatabase db) throws Exception {
    PythonPackage faker = PythonConnectors.pinned("airbyte-source-faker");
    PythonEnvironments pythons = freshEnvironments();
    LocalProcessFactory processes = new LocalProcessFactory(jars(), pythons, Map.of());
    JobDirectories directories = new JobDirectories(dir.resolve("workspace"));
    ReplicationWorker worker = new ReplicationWorker(processes, new InMemoryStatePersistence(), ReplicationSettings.defaults(),
        directories, Clock.systemUTC());
    ObjectNode destination = Jsons.object().put("host", "localhost").put("port", db.port()).put("database", db.databaseName())
        .put("schema", "faker").put("username", db.username()).put("password", db.password());
    destination.putObject("ssl_mode").put("mode", "disable");

    ReplicationRun run = worker.start(new ReplicationInput("c", "44", 0, faker, Jsons.object().put("count", 10),
        new BuiltInJar("destination-postgres"), destination, new ConfiguredAirbyteCatalog().withStreams(List.of()), List.of(),
        null, List.of()));
    awaitLine(run.logPath(), "Collecting airbyte-source-faker");
    long cancelledAt = System.nanoTime();
    run.cancel();
    ReplicationOutput output = run.await();

    assertThat(Duration.ofNanos(System.nanoTime() - cancelledAt)).isLessThan(Duration.ofSeconds(15));
    assertThat(output.status()).isEqualTo(ReplicationStatus.CANCELLED);
    assertThat(output.failures().get(0).failureType()).isEqualTo(FailureType.MANUAL_CANCELLATION);
    assertThat(pipsOf(pythons.directory(faker))).isZero();
    assertThat(Files.readString(output.logPath())).contains("Installing " + faker.describe());
  }

  private PythonEnvironments freshEnvironments() {
    return new PythonEnvironments(dir.resolve("python"), PythonConfig.PYTHON.read(System.getenv()));
  }

  private static ActivityOptions options() {
    return ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofMinutes(10)).setHeartbeatTimeout(Duration.ofSeconds(2))
        .build();
  }

  private static LocalConnectorJars jars() {
    return new LocalConnectorJars(CONNECTORS, List.of("-XX:+UseSerialGC", "-Xmx192m"));
  }

  /** Processes still running from {@code environment} (pip, or the Python it started). */
  private static long pipsOf(Path environment) throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    long alive;
    do {
      alive = ProcessHandle.allProcesses().filter(p -> p.info().commandLine().orElse("").contains(environment.toString()))
          .count();
      if (alive > 0) {
        Thread.sleep(100);
      }
    } while (alive > 0 && System.nanoTime() < end);
    return alive;
  }

  private static void awaitLine(Path log, String text) throws IOException, InterruptedException {
    long end = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
    while (!(Files.exists(log) && Files.readString(log).contains(text))) {
      if (System.nanoTime() > end) {
        throw new AssertionError("no \"" + text + "\" in " + log + " within 2 minutes");
      }
      Thread.sleep(50);
    }
  }

  /** The metadata of one connection whose source is {@code source}, and the worker's sync activities over it. */
  private final class Fixture {

    final ConnectionRepository connections;
    final UUID connection;
    final SyncActivitiesImpl activities;
    final JobDirectories directories = new JobDirectories(dir.resolve("workspace"));

    Fixture(PostgresTestDatabase db, PythonEnvironments pythons, ConnectorRuntime source) {
      DataSource ds = db.dataSource();
      MetadataDatabase.migrate(ds);
      DefinitionRepository definitions = new DefinitionRepository(ds);
      ActorRepository actors = new ActorRepository(ds);
      SecretSplitter secrets = new SecretSplitter(new SecretRepository(ds, new io.airbyte.db.secret.SecretCipher(new byte[32])));
      ObjectNode spec = Jsons.object();
      spec.putObject("connectionSpecification").put("type", "object").putObject("properties");
      UUID sourceDefinition = definitions.registerBuiltIn(new ConnectorDefinition(UUID.randomUUID(), ActorType.SOURCE,
          "Python source", "1", null, spec, "0.2.0", true, null, null, source)).id();
      UUID destinationDefinition = definitions.registerBuiltIn(new ConnectorDefinition(UUID.randomUUID(), ActorType.DESTINATION,
          "Postgres", "dev", null, spec, "0.2.0", true, null, null, new BuiltInJar("destination-postgres"))).id();
      UUID workspace = new WorkspaceRepository(ds).ensureDefault().id();
      UUID sourceId = actors.create(workspace, sourceDefinition, ActorType.SOURCE, "python", Jsons.object().put("count", 10)).id();
      UUID destinationId = actors.create(workspace, destinationDefinition, ActorType.DESTINATION, "warehouse", Jsons.object()).id();
      connections = new ConnectionRepository(ds);
      connection = connections.create(new Connection(null, sourceId, destinationId, "python → warehouse",
          new ConfiguredAirbyteCatalog().withStreams(List.of()), NamespaceDefinition.DESTINATION, null, "", Schedule.manual(),
          "ignore", "active", null, null, null)).id();
      LocalProcessFactory processes = new LocalProcessFactory(jars(), pythons, Map.of());
      DatabaseStatePersistence state = new DatabaseStatePersistence(new StateRepository(ds));
      AttemptInputs inputs = new AttemptInputs(connections, actors, definitions, secrets, new StreamGenerationRepository(ds), state);
      activities = new SyncActivitiesImpl(inputs,
          new ConnectorActivitiesImpl(processes, directories, Duration.ofMinutes(2), Clock.systemUTC()),
          new ReplicationWorker(processes, state, ReplicationSettings.defaults(), directories, Clock.systemUTC()),
          new JobRepository(ds), HEARTBEAT);
    }

    SyncActivitiesImpl activities() {
      return activities;
    }

    SyncInput input(long jobId) {
      return new SyncInput(connection, jobId, 0, JobType.SYNC, List.of());
    }

    Path attemptLog(long jobId) {
      return directories.attempt(Long.toString(jobId), 0).resolve("logs.log");
    }
  }
}
