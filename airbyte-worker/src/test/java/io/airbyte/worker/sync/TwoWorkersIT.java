package io.airbyte.worker.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.airbyte.contract.connection.ConnectionManagerWorkflow;
import io.airbyte.contract.connection.NamespaceDefinition;
import io.airbyte.contract.connector.ActorType;
import io.airbyte.contract.connector.ConnectorRuntime.BuiltInJar;
import io.airbyte.contract.job.AttemptStatus;
import io.airbyte.contract.job.JobStatus;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scale-out on Temporal: one scheduler and two workers, each a JVM of its own, on one task queue and one
 * metadata database (as {@code docker compose up --scale worker=2} runs them), against Temporal's test
 * server in real time. Syncs of several connections at once are spread over both workers, each attempt
 * recording which worker ran it (in the database and in its log). Then {@code kill -9} of the worker running
 * a sync of 120,000 rows over four streams, once rows are committed: Temporal sees the worker's heartbeats stop
 * ({@code AIRBYTE_WORKER_HEARTBEAT_TIMEOUT_SECONDS}, short here), the attempt fails with {@code heartbeat_timeout},
 * the next attempt runs on the other worker from the committed state, and the destination ends row for row
 * equal to the source.
 */
@ExtendWith(PostgresExtension.class)
@Timeout(600)
class TwoWorkersIT {

  private static final Path CONNECTORS = Path.of(System.getProperty("connectors.dir", "../connectors")).toAbsolutePath();
  private static final UUID SOURCE_POSTGRES = UUID.fromString("decd338e-5647-4c0b-adf4-da0e75f5a750");
  private static final UUID DESTINATION_POSTGRES = UUID.fromString("25c5221d-dce2-4163-ade9-739ef790f503");
  private static final List<String> SMALL = List.of("small_1", "small_2", "small_3", "small_4");
  private static final List<String> BIG = List.of("big_a", "big_b", "big_c", "big_d");
  private static final int SMALL_ROWS = 3_000;
  private static final int BIG_ROWS = 30_000;
  private static final int HEARTBEAT_TIMEOUT_SECONDS = 12;

  @TempDir
  Path dir;

  @Test
  void syncsSpreadOverBothWorkersAndAKilledWorkersAttemptEndsRowExactOnTheOther(PostgresTestDatabase db) throws Exception {
    DataSource ds = db.dataSource();
    MetadataDatabase.migrate(ds);
    db.execute("CREATE SCHEMA app");
    for (String table : SMALL) {
      createTable(db, table, SMALL_ROWS);
    }
    for (String table : BIG) {
      createTable(db, table, BIG_ROWS);
    }
    try (PlatformJvms.BoundTemporal temporal = PlatformJvms.temporal(); PlatformJvms jvms = new PlatformJvms(dir)) {
      Map<String, String> env = new HashMap<>(Map.of(
          "AIRBYTE_DATABASE_URL", db.jdbcUrl(), "AIRBYTE_DATABASE_USER", db.username(),
          "AIRBYTE_DATABASE_PASSWORD", db.password(), "TEMPORAL_HOST", "127.0.0.1:" + temporal.port(),
          "AIRBYTE_LOCAL_CONNECTORS_DIR", CONNECTORS.toString(), "AIRBYTE_RECONCILE_SECONDS", "2",
          "AIRBYTE_PROCESS_FACTORY", "local", "AIRBYTE_SECRETS_KEY", Base64.getEncoder().encodeToString(new byte[32]),
          "AIRBYTE_WORKER_HEARTBEAT_TIMEOUT_SECONDS", Integer.toString(HEARTBEAT_TIMEOUT_SECONDS)));
      // one sync at a time per worker: several syncs at once need both
      env.put("AIRBYTE_MAX_CONCURRENT_SYNCS", "1");
      env.put("AIRBYTE_LOCAL_CONNECTOR_CLASS_DATA", "false");
      jvms.start("scheduler", "io.airbyte.scheduler.SchedulerProcess", env);
      for (String worker : List.of("worker-a", "worker-b")) {
        Map<String, String> own = new HashMap<>(env);
        own.put("AIRBYTE_WORKER_ID", worker);
        // each worker on a machine of its own: its own workspace
        own.put("AIRBYTE_WORKSPACE_ROOT", dir.resolve(worker).toString());
        jvms.start(worker, "io.airbyte.worker.sync.WorkerProcess", own);
      }
      String[] all = {"scheduler", "worker-a", "worker-b"};
      DefinitionRepository definitions = new DefinitionRepository(ds);
      jvms.await("the built-in connectors registered", 180, () -> definitions.list(ActorType.SOURCE, null).size() == 2
          && definitions.list(ActorType.DESTINATION, null).size() == 2, all);
      jvms.await("both workers serving", 120, () -> served(jvms, "worker-a") && served(jvms, "worker-b"), all);

      Setup setup = new Setup(db, ds, definitions);
      TemporalSettings temporalSettings = TemporalSettings.fromEnvironment(env);
      ConnectionWorkflows workflows = new ConnectionWorkflows(TemporalClients.create(temporalSettings),
          temporalSettings.schedulerTaskQueue(), temporalSettings.workerTaskQueue());
      JobRepository jobs = new JobRepository(ds);

      // several connections at once: spread over both workers
      List<UUID> small = new ArrayList<>();
      for (String table : SMALL) {
        small.add(setup.connection(table, List.of(table), SyncMode.FULL_REFRESH, DestinationSyncMode.OVERWRITE));
      }
      jvms.await("the connection workflows started by the reconciler", 120, () -> small.stream().allMatch(workflows::isRunning), all);
      small.forEach(c -> workflows.signal(c, ConnectionManagerWorkflow::syncNow));
      jvms.await("the four syncs ended", 300, () -> small.stream().allMatch(c -> lastJob(jobs, c).map(j -> j.status().isTerminal())
          .orElse(false)), all);
      Set<String> ranBy = new TreeSet<>();
      for (int i = 0; i < SMALL.size(); i++) {
        Job job = lastJob(jobs, small.get(i)).orElseThrow();
        List<Attempt> attempts = jobs.attempts(job.id());
        assertThat(job.status()).as(attempts + jvms.tails()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(count(db, "copied_" + SMALL.get(i) + "." + SMALL.get(i))).isEqualTo(SMALL_ROWS);
        Attempt attempt = attempts.get(attempts.size() - 1);
        assertThat(attempt.workerId()).as("the worker recorded with the attempt").isIn("worker-a", "worker-b");
        assertThat(Files.readString(Path.of(attempt.logPath())))
            .as("the attempt's log names its worker, and lies in that worker's workspace")
            .contains("Worker " + attempt.workerId() + " runs job " + job.id() + " attempt " + attempt.attemptNumber());
        assertThat(Path.of(attempt.logPath())).startsWith(dir.resolve(attempt.workerId()));
        ranBy.add(attempt.workerId());
      }
      System.out.println("two workers: the four syncs ran on " + ranBy);
      assertThat(ranBy).as("workers that ran the four syncs").containsExactly("worker-a", "worker-b");

      // kill -9 of the worker running a sync, once it has committed rows
      UUID big = setup.connection("big", BIG, SyncMode.INCREMENTAL, DestinationSyncMode.APPEND_DEDUP);
      jvms.await("the big connection's workflow", 120, () -> workflows.isRunning(big), all);
      workflows.signal(big, ConnectionManagerWorkflow::syncNow);
      jvms.await("a committed state of the big sync, on a worker", 300, () -> committedStates(db, big) > 0
          && lastJob(jobs, big).map(j -> !jobs.attempts(j.id()).isEmpty() && jobs.attempts(j.id()).get(0).workerId() != null)
              .orElse(false), all);
      Job job = lastJob(jobs, big).orElseThrow();
      Attempt first = jobs.attempts(job.id()).get(0);
      assertThat(job.status().isTerminal()).as("the big sync ended before the kill (make it longer)").isFalse();
      assertThat(first.status()).isEqualTo(AttemptStatus.RUNNING);
      String killed = first.workerId();
      String survivor = killed.equals("worker-a") ? "worker-b" : "worker-a";
      Process victim = jvms.get(killed);
      List<ProcessHandle> orphans = victim.descendants().toList();
      System.out.println("two workers: kill -9 of " + killed + " (pid " + victim.pid() + ") with " + committedStates(db, big)
          + " committed stream state(s); its connector processes: " + orphans.stream().map(ProcessHandle::pid).toList());
      victim.destroyForcibly();
      victim.waitFor();
      assertThat(victim.exitValue()).as("killed by SIGKILL").isEqualTo(128 + 9);
      try {
        jvms.await("the big sync ended after the kill", 300, () -> lastJob(jobs, big).map(j -> j.status().isTerminal()).orElse(false),
            "scheduler", survivor);
      } finally {
        orphans.forEach(ProcessHandle::destroyForcibly);
      }

      Job ended = jobs.get(job.id());
      List<Attempt> attempts = jobs.attempts(job.id());
      System.out.println("two workers: attempts of the big sync: " + attempts.stream().map(a -> a.attemptNumber() + " "
          + a.status().value() + " on " + a.workerId() + " " + a.failureSummary()).toList());
      assertThat(ended.status()).as(attempts + jvms.tails()).isEqualTo(JobStatus.SUCCEEDED);
      Attempt interrupted = attempts.get(0);
      assertThat(interrupted.status()).isEqualTo(AttemptStatus.FAILED);
      assertThat(interrupted.workerId()).isEqualTo(killed);
      assertThat(interrupted.failureSummary().at("/failures/0/failureOrigin").asText()).isEqualTo("airbyte_platform");
      assertThat(interrupted.failureSummary().at("/failures/0/failureType").asText())
          .as(interrupted.failureSummary().toString()).isEqualTo("heartbeat_timeout");
      assertThat(interrupted.failureSummary().at("/failures/0/externalMessage").asText()).contains("was lost");
      Attempt last = attempts.get(attempts.size() - 1);
      assertThat(last.status()).isEqualTo(AttemptStatus.SUCCEEDED);
      assertThat(last.workerId()).as("the retry ran on the worker left").isEqualTo(survivor);
      for (String table : BIG) {
        Fingerprint source = fingerprint(db, "app." + table);
        Fingerprint destination = fingerprint(db, "copied_big." + table);
        assertThat(destination.rows()).as(table + ": one row per primary key").isEqualTo(destination.distinctIds());
        assertThat(destination).as(table + " in the destination against the source").isEqualTo(source);
      }
    }
  }

  private static void createTable(PostgresTestDatabase db, String table, int rows) {
    db.execute("CREATE TABLE app." + table + " (id bigint PRIMARY KEY, updated_at timestamptz NOT NULL, payload text NOT NULL)",
        "INSERT INTO app." + table + " SELECT i, timestamptz '2024-01-01 00:00:00+00' + i * interval '1 second', "
            + "repeat(md5(i::text), 4) FROM generate_series(1, " + rows + ") i");
  }

  private static boolean served(PlatformJvms jvms, String worker) {
    try {
      return Files.exists(jvms.log(worker)) && Files.readString(jvms.log(worker)).contains("Worker " + worker + " serving task queue");
    } catch (java.io.IOException e) {
      return false;
    }
  }

  private static Optional<Job> lastJob(JobRepository jobs, UUID connection) {
    return jobs.list(connection, null, null, 1, 0).stream().findFirst();
  }

  private static long committedStates(PostgresTestDatabase db, UUID connection) {
    return queryLong(db, "SELECT count(*) FROM state WHERE connection_id = '" + connection + "'");
  }

  private static long count(PostgresTestDatabase db, String table) {
    return queryLong(db, "SELECT count(*) FROM " + table);
  }

  private static long queryLong(PostgresTestDatabase db, String sql) {
    try (var c = db.connection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  /** Row count, distinct ids and an md5 of every row in id order. */
  private record Fingerprint(long rows, long distinctIds, String md5) {}

  private static Fingerprint fingerprint(PostgresTestDatabase db, String table) throws Exception {
    try (var c = db.connection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
        "SELECT count(*), count(DISTINCT id), md5(string_agg(id::bigint::text || '|' || to_char(updated_at AT TIME ZONE 'UTC',"
            + " 'YYYY-MM-DD HH24:MI:SS.US') || '|' || payload, E'\\n' ORDER BY id)) FROM " + table)) {
      rs.next();
      return new Fingerprint(rs.getLong(1), rs.getLong(2), rs.getString(3));
    }
  }

  /** Sources, destinations and connections in the metadata database, as the API would make them. */
  private static final class Setup {
    private final PostgresTestDatabase db;
    private final DataSource ds;
    private final DefinitionRepository definitions;
    private final UUID workspace;
    private final SecretSplitter secrets;
    private final ActorRepository actors;
    private final UUID source;
    private final List<AirbyteStream> streams;

    Setup(PostgresTestDatabase db, DataSource ds, DefinitionRepository definitions) {
      this.db = db;
      this.ds = ds;
      this.definitions = definitions;
      this.workspace = new WorkspaceRepository(ds).ensureDefault().id();
      this.secrets = new SecretSplitter(new SecretRepository(ds, new SecretCipher(new byte[32])));
      this.actors = new ActorRepository(ds);
      ObjectNode config = postgres();
      config.putArray("schemas").add("app");
      this.source = actors.create(workspace, SOURCE_POSTGRES, ActorType.SOURCE, "app",
          secrets.split(workspace, spec(SOURCE_POSTGRES), config)).id();
      var discovered = new ConnectorActivitiesImpl(new LocalProcessFactory(new LocalConnectorJars(CONNECTORS, List.of())),
          new JobDirectories(Path.of(System.getProperty("java.io.tmpdir")).resolve("two-workers-discover-" + UUID.randomUUID())),
          Duration.ofMinutes(2), Clock.systemUTC()).discover(new BuiltInJar("source-postgres"), config);
      assertThat(discovered.succeeded()).as(String.valueOf(discovered.failure())).isTrue();
      this.streams = discovered.output().getStreams();
    }

    private ObjectNode postgres() {
      return Jsons.object().put("host", "localhost").put("port", db.port()).put("database", db.databaseName())
          .put("username", db.username()).put("password", db.password());
    }

    private com.fasterxml.jackson.databind.JsonNode spec(UUID definition) {
      return definitions.get(definition).spec().get("connectionSpecification");
    }

    /** A connection from the source's {@code tables} into the schema {@code copied_<name>}, manual schedule. */
    UUID connection(String name, List<String> tables, SyncMode syncMode, DestinationSyncMode destinationSyncMode) {
      ObjectNode destinationConfig = postgres().put("schema", "copied_" + name);
      UUID destination = actors.create(workspace, DESTINATION_POSTGRES, ActorType.DESTINATION, "dst " + name,
          secrets.split(workspace, spec(DESTINATION_POSTGRES), destinationConfig)).id();
      List<ConfiguredAirbyteStream> configured = streams.stream().filter(s -> tables.contains(s.getName()))
          .map(s -> {
            ConfiguredAirbyteStream c = new ConfiguredAirbyteStream().withStream(s).withSyncMode(syncMode)
                .withDestinationSyncMode(destinationSyncMode);
            return syncMode == SyncMode.INCREMENTAL
                ? c.withCursorField(List.of("updated_at")).withPrimaryKey(List.of(List.of("id"))) : c;
          }).collect(Collectors.toList());
      assertThat(configured).as("discovered streams of " + tables).hasSize(tables.size());
      return new ConnectionRepository(ds).create(new Connection(null, source, destination, name,
          new ConfiguredAirbyteCatalog().withStreams(configured), NamespaceDefinition.DESTINATION, null, "", Schedule.manual(),
          "ignore", "active", null, null, null)).id();
    }
  }
}
