package io.airbyte.worker.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.airbyte.contract.connector.ActorType;
import io.airbyte.contract.failure.FailureOrigin;
import io.airbyte.contract.failure.FailureType;
import io.airbyte.contract.job.AttemptStatus;
import io.airbyte.contract.job.JobStatus;
import io.airbyte.contract.job.RetrySettings;
import io.airbyte.db.job.Attempt;
import io.airbyte.db.job.Job;
import io.airbyte.protocol.json.Jsons;
import io.airbyte.protocol.models.AirbyteStream;
import io.airbyte.protocol.models.ConfiguredAirbyteStream;
import io.airbyte.protocol.models.DestinationSyncMode;
import io.airbyte.protocol.models.SyncMode;
import io.airbyte.testsupport.postgres.EmbeddedPostgresServer;
import io.airbyte.testsupport.postgres.PostgresExtension;
import io.airbyte.testsupport.postgres.PostgresTestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crashes in the middle of a sync, on the platform's real path ({@link SyncPlatform}: the connection
 * workflow and its retries in real time, the sync activities, the replication engine, our connector
 * jars source-postgres → destination-postgres or destination-duckdb): 100,000 rows in three tables
 * read one after the other, and once the first table's state is committed (the sync is then
 * mid-way: the two larger tables are still being read) the source or the destination connector is
 * killed with {@code kill -9}, or the destination's PostgreSQL is stopped and started again (at once,
 * or once the next attempt's check has met it down). The
 * workflow retries; the next attempt starts from the committed state, and the test checks what the
 * destination holds against the source, the bound on duplicates that state implies, and the failure
 * each failed attempt recorded.
 */
@ExtendWith(PostgresExtension.class)
@Timeout(300)
class ConnectorFaultsIT {

  /** Three tables read in this order, 100,000 rows in all; the first one's state comes early. */
  private static final Map<String, Integer> TABLES = tables();

  /** No waiting between attempts after an attempt that committed data; 1 s after one that did not. */
  private static final RetrySettings RETRY = new RetrySettings(5, 3, 1, 1, 1);

  private static Map<String, Integer> tables() {
    Map<String, Integer> tables = new LinkedHashMap<>();
    tables.put("t1", 10_000);
    tables.put("t2", 45_000);
    tables.put("t3", 45_000);
    return tables;
  }

  @TempDir
  Path dir;

  private final PostgresTestDatabase db;
  private SyncPlatform platform;
  private String app;

  ConnectorFaultsIT(PostgresTestDatabase db) {
    this.db = db;
  }

  @BeforeEach
  void start() {
    platform = new SyncPlatform(db, dir.resolve("workspace"), RETRY, false);
    app = "app_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    List<String> sql = new ArrayList<>(List.of("CREATE SCHEMA " + app));
    TABLES.forEach((table, rows) -> {
      sql.add("CREATE TABLE " + app + "." + table + " (id bigint PRIMARY KEY, kind text NOT NULL, updated_at timestamptz NOT NULL)");
      // one cursor value per row, increasing with the id: the committed cursor names the rows before it
      sql.add("INSERT INTO " + app + "." + table + " SELECT g, 'k' || g || repeat('x', 80), timestamptz '2024-01-01' + g * interval "
          + "'1 second' FROM generate_series(1, " + rows + ") g");
      sql.add("ANALYZE " + app + "." + table);
    });
    db.execute(sql.toArray(String[]::new));
  }

  @AfterEach
  void stop() {
    platform.close();
  }

  @Test
  void aSourceKilledMidSyncIsRetriedAndTheDedupedDestinationEqualsTheSource() throws Exception {
    Destination destination = Destination.postgres(db, "landing_" + app);
    UUID connection = connection(destination, SyncMode.INCREMENTAL, DestinationSyncMode.APPEND_DEDUP);

    Job job = syncKilling(connection, running -> kill9(connectorProcess(running, "source-postgres.jar")));

    assertThat(job.status()).as(describe(job)).isEqualTo(JobStatus.SUCCEEDED);
    assertFailedAttempts(job, FailureOrigin.SOURCE, FailureType.SYSTEM_ERROR);
    assertNextAttemptStartedFromTheCommittedState(job);
    for (String table : TABLES.keySet()) {
      String rows = "SELECT id, kind || '|' || extract(epoch FROM updated_at)::bigint FROM %s ORDER BY id";
      assertThat(destination.warehouse.map(rows.formatted(destination.table(table))))
          .as(table + " row for row").containsExactlyEntriesOf(source(rows.formatted(app + "." + table)));
    }
  }

  @Test
  void aDuckDbDestinationKilledMidSyncLosesNoRowOfAnIncrementalAppend() throws Exception {
    Destination destination = Destination.duckdb(dir.resolve("faults.duckdb"), "landing");
    UUID connection = connection(destination, SyncMode.INCREMENTAL, DestinationSyncMode.APPEND);

    Job job = syncKilling(connection, running -> kill9(connectorProcess(running, "destination-duckdb.jar")));

    assertThat(job.status()).as(describe(job)).isEqualTo(JobStatus.SUCCEEDED);
    assertFailedAttempts(job, FailureOrigin.DESTINATION, FailureType.SYSTEM_ERROR);
    assertAppendedOnceUpToTheCommittedState(job, destination);
  }

  /**
   * {@code max_db_connections} 3: three larger tables read at once, each in several ctid page ranges
   * at a time. The source is killed once every table has a committed state and at least one is
   * still being read; the next attempt reads only the ranges no committed state covers, so the
   * appended tables hold every source row exactly once.
   */
  @Test
  void aSourceKilledMidAParallelPartitionedReadLeavesEveryRowOnceInAFullRefreshAppend() throws Exception {
    List<String> wide = List.of("wide1", "wide2", "wide3");
    int rows = 150_000;
    List<String> sql = new ArrayList<>();
    for (String table : wide) {
      sql.add("CREATE TABLE " + app + "." + table + " (id bigint PRIMARY KEY, kind text NOT NULL, updated_at timestamptz NOT NULL)");
      sql.add("INSERT INTO " + app + "." + table + " SELECT g, 'k' || g || repeat('x', 80), timestamptz '2024-01-01' + g * interval "
          + "'1 second' FROM generate_series(1, " + rows + ") g");
      sql.add("ANALYZE " + app + "." + table);
    }
    db.execute(sql.toArray(String[]::new));
    Destination destination = Destination.postgres(db, "landing_" + app);
    ObjectNode sourceConfig = SyncPlatform.sourceConfig(db, app).put("max_db_connections", 3);
    UUID connection = connection(destination, SyncMode.FULL_REFRESH, DestinationSyncMode.APPEND, wide, sourceConfig);

    Map<String, String> before = committedStates(connection);
    Job job = platform.startSync(connection, platform.jobs.list(connection, null, null, 100, 0).size());
    SyncPlatform.await(() -> committedThisJob(connection, before).containsAll(wide) || attemptEnded(job.id(), 0),
        Duration.ofMinutes(4));
    assertThat(attemptEnded(job.id(), 0)).as("attempt 0 ended before the kill: " + describe(job)).isFalse();
    Map<String, String> atKill = committedStates(connection);
    assertThat(atKill.values()).as("mid-read: a table is not read completely yet " + atKill)
        .anyMatch(state -> !state.contains("\"done\":true"));
    kill9(connectorProcess(job, "source-postgres.jar"));
    Job ended = platform.awaitEnd(job.id(), Duration.ofMinutes(4));

    assertThat(ended.status()).as(describe(ended)).isEqualTo(JobStatus.SUCCEEDED);
    assertFailedAttempts(ended, FailureOrigin.SOURCE, FailureType.SYSTEM_ERROR);
    JsonNode handed = Jsons.deserialize(Files.readString(platform.attemptDirectory(job.id(), 1).resolve("input_state.json")));
    assertThat(handed.findValuesAsText("state_type")).as("attempt 1 resumed ctid ranges: " + handed).contains("ctid");
    for (String table : wide) {
      assertThat(destination.text("SELECT count(*) || '/' || count(DISTINCT id) || '/' || min(id) || '/' || max(id) FROM "
          + destination.table(table))).as(table + ": every row once\n" + describe(ended))
          .isEqualTo(rows + "/" + rows + "/1/" + rows);
    }
  }

  @Test
  void aDestinationPostgresRestartedMidSyncLosesNoRowOfAFullRefreshAppend() throws Exception {
    try (EmbeddedPostgresServer server = EmbeddedPostgresServer.dedicated(dir.resolve("destination-pgdata"));
        PostgresTestDatabase warehouse = server.createDatabase()) {
      Destination destination = Destination.postgres(warehouse, "landing");
      UUID connection = connection(destination, SyncMode.FULL_REFRESH, DestinationSyncMode.APPEND);

      Job job = syncKilling(connection, running -> {
        server.stop();
        server.start();
      });

      assertThat(job.status()).as(describe(job)).isEqualTo(JobStatus.SUCCEEDED);
      assertFailedAttempts(job, FailureOrigin.DESTINATION, FailureType.TRANSIENT_ERROR);
      assertAppendedOnceUpToTheCommittedState(job, destination);
    }
  }

  @Test
  void aDestinationPostgresDownAcrossTheNextAttemptsCheckIsRetriedAndTheDedupedDestinationEqualsTheSource() throws Exception {
    try (EmbeddedPostgresServer server = EmbeddedPostgresServer.dedicated(dir.resolve("destination-pgdata"));
        PostgresTestDatabase warehouse = server.createDatabase()) {
      Destination destination = Destination.postgres(warehouse, "landing");
      UUID connection = connection(destination, SyncMode.INCREMENTAL, DestinationSyncMode.APPEND_DEDUP);

      Job job = syncKilling(connection, running -> {
        server.stop();
        // down until attempt 1 has checked the destination (and failed on it), then up again
        SyncPlatform.await(() -> attemptEnded(running.id(), 1), Duration.ofMinutes(4));
        server.start();
      });

      assertThat(job.status()).as(describe(job)).isEqualTo(JobStatus.SUCCEEDED);
      assertFailedAttempts(job, FailureOrigin.DESTINATION, FailureType.TRANSIENT_ERROR);
      List<Attempt> attempts = platform.attempts(job.id());
      assertThat(SyncPlatform.cause(attempts.get(1)).path("externalMessage").asText()).as(describe(job))
          .startsWith("Checking the destination failed: Connection to the database failed: ").contains("refused");
      assertAttemptStartedFromTheCommittedState(job, attempts.get(attempts.size() - 1).attemptNumber());
      for (String table : TABLES.keySet()) {
        String rows = "SELECT id, kind || '|' || extract(epoch FROM updated_at)::bigint FROM %s ORDER BY id";
        assertThat(destination.warehouse.map(rows.formatted(destination.table(table))))
            .as(table + " row for row").containsExactlyEntriesOf(source(rows.formatted(app + "." + table)));
      }
    }
  }

  @Test
  void readersOfAnOverwriteSeeTheOldTableOrTheNewOneWhileItsDestinationIsKilled() throws Exception {
    Destination destination = Destination.postgres(db, "landing_" + app);
    UUID connection = connection(destination, SyncMode.FULL_REFRESH, DestinationSyncMode.OVERWRITE);
    Job first = platform.sync(connection, Duration.ofMinutes(4));
    assertThat(first.status()).as(describe(first)).isEqualTo(JobStatus.SUCCEEDED);
    String checksum = "SELECT count(*) || '/' || coalesce(sum(hashtext(id || kind)), 0) FROM %s";
    Map<String, String> old = new LinkedHashMap<>();
    Map<String, String> fresh = new LinkedHashMap<>();
    for (String table : TABLES.keySet()) {
      old.put(table, text(checksum.formatted(app + "." + table)));
      assertThat(destination.text(checksum.formatted(destination.table(table)))).as(table + " after the first sync")
          .isEqualTo(old.get(table));
      db.execute("UPDATE " + app + "." + table + " SET kind = 'v2 ' || kind",
          "INSERT INTO " + app + "." + table + " SELECT g, 'new ' || g, now() FROM generate_series(1000001, 1001000) g");
      fresh.put(table, text(checksum.formatted(app + "." + table)));
    }

    OverwriteReader reader = new OverwriteReader(destination, checksum, old, fresh);
    reader.start();
    Job job;
    try {
      job = syncKilling(connection, running -> kill9(connectorProcess(running, "destination-postgres.jar")));
    } finally {
      reader.stop();
    }

    assertThat(job.status()).as(describe(job)).isEqualTo(JobStatus.SUCCEEDED);
    assertFailedAttempts(job, FailureOrigin.DESTINATION, FailureType.SYSTEM_ERROR);
    assertNextAttemptStartedFromTheCommittedState(job);
    assertThat(reader.violations).as("what readers saw that was neither the old table nor the new one").isEmpty();
    for (String table : TABLES.keySet()) {
      // the reader looked all along: the old table at the start, the new one at the end
      assertThat(reader.seen.get(table)).as(table).startsWith(old.get(table)).endsWith(fresh.get(table));
      assertThat(destination.text(checksum.formatted(destination.table(table)))).as(table).isEqualTo(fresh.get(table));
    }
  }

  // ---------------------------------------------------------------------------------------------

  /** The connection of the three tables in one sync mode, the cursor being {@code updated_at}. */
  private UUID connection(Destination destination, SyncMode syncMode, DestinationSyncMode destinationMode) {
    return connection(destination, syncMode, destinationMode, List.copyOf(TABLES.keySet()), SyncPlatform.sourceConfig(db, app));
  }

  private UUID connection(Destination destination, SyncMode syncMode, DestinationSyncMode destinationMode, List<String> tables,
      ObjectNode sourceConfig) {
    UUID source = platform.actor(ActorType.SOURCE, "source-postgres", sourceConfig);
    UUID target = platform.actor(ActorType.DESTINATION, destination.connector, destination.config);
    List<ConfiguredAirbyteStream> streams = new ArrayList<>();
    for (AirbyteStream stream : platform.discover(sourceConfig, tables)) {
      streams.add(new ConfiguredAirbyteStream().withStream(stream).withSyncMode(syncMode)
          .withCursorField(syncMode == SyncMode.INCREMENTAL ? List.of("updated_at") : null)
          .withDestinationSyncMode(destinationMode).withPrimaryKey(List.of(List.of("id"))));
    }
    return platform.connection(source, target, streams);
  }

  private interface Fault {
    void strike(Job job) throws Exception;
  }

  /**
   * Starts a sync; once attempt 0 has committed a new state of the first table (the other two are
   * being read), strikes; then waits for the job's end.
   */
  private Job syncKilling(UUID connection, Fault fault) throws Exception {
    Map<String, String> before = committedStates(connection);
    int jobsBefore = platform.jobs.list(connection, null, null, 100, 0).size();
    Job job = platform.startSync(connection, jobsBefore);
    SyncPlatform.await(() -> committedThisJob(connection, before).contains("t1") || attemptEnded(job.id(), 0),
        Duration.ofMinutes(4));
    assertThat(attemptEnded(job.id(), 0)).as("attempt 0 ended before the fault: " + describe(job)).isFalse();
    assertThat(committedThisJob(connection, before)).as("mid-sync: the last table is not committed yet").doesNotContain("t3");
    fault.strike(job);
    return platform.awaitEnd(job.id(), Duration.ofMinutes(4));
  }

  /** Each stream's committed state, as JSON text. */
  private Map<String, String> committedStates(UUID connection) {
    Map<String, String> states = new LinkedHashMap<>();
    platform.state.current(connection.toString()).messages().forEach(s -> states.put(s.getStream().getStreamDescriptor().getName(),
        Jsons.serialize(s.getStream().getStreamState())));
    return states;
  }

  /** The streams whose committed state changed since {@code before}. */
  private List<String> committedThisJob(UUID connection, Map<String, String> before) {
    return committedStates(connection).entrySet().stream().filter(e -> !e.getValue().equals(before.get(e.getKey())))
        .map(Map.Entry::getKey).toList();
  }

  private boolean attemptEnded(long jobId, int attempt) {
    return platform.attempts(jobId).stream().anyMatch(a -> a.attemptNumber() == attempt && a.status() != AttemptStatus.RUNNING);
  }

  /** The process running {@code jar} for attempt 0 of {@code job} (its files are in the attempt's directory), a child of this JVM. */
  private ProcessHandle connectorProcess(Job job, String jar) {
    String attemptDirectory = platform.attemptDirectory(job.id(), 0).toAbsolutePath() + "/";
    return ProcessHandle.current().descendants()
        .filter(p -> p.info().commandLine().map(c -> c.contains(jar) && c.contains(attemptDirectory)).orElse(false))
        .findFirst().orElseThrow(() -> new AssertionError("no process runs " + jar + " in " + attemptDirectory));
  }

  private static void kill9(ProcessHandle process) throws Exception {
    Process kill = new ProcessBuilder("kill", "-9", Long.toString(process.pid())).inheritIO().start();
    assertThat(kill.waitFor()).as("kill -9 " + process.pid()).isZero();
  }

  /** Every attempt before the last failed, each for the fault's origin and type; the last one succeeded. */
  private void assertFailedAttempts(Job job, FailureOrigin origin, FailureType type) {
    List<Attempt> attempts = platform.attempts(job.id());
    assertThat(attempts).as(describe(job)).hasSizeGreaterThan(1);
    for (Attempt attempt : attempts.subList(0, attempts.size() - 1)) {
      assertThat(attempt.status()).as(describe(job)).isEqualTo(AttemptStatus.FAILED);
      JsonNode cause = SyncPlatform.cause(attempt);
      assertThat(cause.path("failureOrigin").asText()).as(describe(job)).isEqualTo(origin.value());
      assertThat(cause.path("failureType").asText()).as(describe(job)).isEqualTo(type.value());
      assertThat(cause.path("retryable").asBoolean()).isTrue();
    }
    assertThat(attempts.get(attempts.size() - 1).status()).isEqualTo(AttemptStatus.SUCCEEDED);
  }

  /** The state handed to attempt 1: what attempt 0 committed, the first table's at least. */
  private JsonNode assertNextAttemptStartedFromTheCommittedState(Job job) throws Exception {
    return assertAttemptStartedFromTheCommittedState(job, 1);
  }

  /** The state handed to {@code attempt}: what attempt 0 committed, the first table's at least. */
  private JsonNode assertAttemptStartedFromTheCommittedState(Job job, int attempt) throws Exception {
    Path file = platform.attemptDirectory(job.id(), attempt).resolve("input_state.json");
    assertThat(file).as("attempt " + attempt + " got a state").exists();
    JsonNode state = Jsons.deserialize(Files.readString(file));
    List<String> streams = new ArrayList<>();
    state.forEach(s -> streams.add(s.path("stream").path("stream_descriptor").path("name").asText()));
    assertThat(streams).contains("t1");
    return state;
  }

  /**
   * Append modes: no source row is missing, and only rows after the committed state handed to attempt
   * 1 may be there more than once. Per table, the rows the state covers are those before its cursor
   * (incremental) or all of them once the state says the table was read completely (full refresh).
   */
  private void assertAppendedOnceUpToTheCommittedState(Job job, Destination destination) throws Exception {
    JsonNode state = assertNextAttemptStartedFromTheCommittedState(job);
    for (Map.Entry<String, Integer> table : TABLES.entrySet()) {
      long coveredUpTo = coveredIds(state, table.getKey());
      Map<Long, String> copies = destination.warehouse.map("SELECT id, count(*) FROM " + destination.table(table.getKey())
          + " GROUP BY id");
      long duplicates = 0;
      for (long id = 1; id <= table.getValue(); id++) {
        long n = Long.parseLong(copies.getOrDefault(id, "0"));
        assertThat(n).as(table.getKey() + " id " + id + " (the state covers ids up to " + coveredUpTo + ")")
            .isGreaterThanOrEqualTo(1);
        if (id <= coveredUpTo) {
          assertThat(n).as(table.getKey() + " id " + id + " is covered by the committed state: once only").isEqualTo(1);
        }
        duplicates += n - 1;
      }
      assertThat(copies).as(table.getKey() + ": no row the source does not have").hasSize(table.getValue());
      // the bound the state implies, checked above row by row; the figure for the log
      System.out.printf("%s: %d rows; the state attempt 1 started from covers %s; %d duplicate(s), all after it%n",
          table.getKey(), table.getValue(), coveredUpTo == 0 ? "none of them" : "ids 1.." + coveredUpTo, duplicates);
    }
  }

  /** The last id of {@code table} the state covers: before its cursor, or all when it says the table is done. */
  private long coveredIds(JsonNode state, String table) throws SQLException {
    for (JsonNode message : state) {
      JsonNode stream = message.path("stream");
      if (!stream.path("stream_descriptor").path("name").asText().equals(table)) {
        continue;
      }
      JsonNode value = stream.path("stream_state");
      if (value.path("done").asBoolean(false)) {
        return TABLES.get(table);
      }
      if (value.hasNonNull("cursor")) {
        // rows at the cursor itself are read again (the read is inclusive): those before it are covered
        return Long.parseLong(text("SELECT coalesce(max(id), 0) FROM " + app + "." + table + " WHERE updated_at < '"
            + value.get("cursor").asText() + "'::timestamptz"));
      }
    }
    return 0;
  }

  private Map<Long, String> source(String sql) throws SQLException {
    Map<Long, String> rows = new LinkedHashMap<>();
    try (Connection c = db.connection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        rows.put(rs.getLong(1), rs.getString(2));
      }
    }
    return rows;
  }

  private String text(String sql) throws SQLException {
    try (Connection c = db.connection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    }
  }

  private String describe(Job job) {
    StringBuilder out = new StringBuilder("job " + job.id() + ":");
    for (Attempt a : platform.attempts(job.id())) {
      out.append("\n  attempt ").append(a.attemptNumber()).append(' ').append(a.status()).append(' ')
          .append(a.failureSummary() == null ? "" : a.failureSummary().path("failures").toString());
      try {
        Path log = platform.attemptDirectory(job.id(), a.attemptNumber()).resolve("logs.log");
        if (Files.exists(log)) {
          List<String> lines = Files.readAllLines(log);
          out.append("\n    ").append(String.join("\n    ", lines.subList(Math.max(0, lines.size() - 25), lines.size())));
        }
      } catch (Exception e) {
        out.append(" (log unreadable: ").append(e).append(')');
      }
    }
    return out.toString();
  }

  /** A destination: its connector, its config, and how a test reads its tables. */
  private record Destination(String connector, ObjectNode config, String schema, Warehouse warehouse) {

    static Destination postgres(PostgresTestDatabase db, String schema) {
      return new Destination("destination-postgres", SyncPlatform.destinationConfig(db, schema), schema, db::connection);
    }

    static Destination duckdb(Path file, String schema) {
      return new Destination("destination-duckdb", Jsons.object().put("destination_path", file.toString()).put("schema", schema),
          schema, () -> {
            Properties properties = new Properties();
            properties.setProperty("duckdb.read_only", "true");
            return DriverManager.getConnection("jdbc:duckdb:" + file, properties);
          });
    }

    String table(String name) {
      return schema + "." + name;
    }

    String text(String sql) throws SQLException {
      try (Connection c = warehouse.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
        rs.next();
        return rs.getString(1);
      }
    }
  }

  /** Opens a connection of its own for each query (a DuckDB file is locked by whoever has it open). */
  @FunctionalInterface
  private interface Warehouse {
    Connection connect() throws SQLException;

    default Map<Long, String> map(String sql) throws SQLException {
      Map<Long, String> rows = new LinkedHashMap<>();
      try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
        while (rs.next()) {
          rows.put(rs.getLong(1), rs.getString(2));
        }
      }
      return rows;
    }
  }

  /**
   * A reader of the overwritten tables during the sync: one query per table at a time (count and
   * checksum, one snapshot), each answer recorded; any answer that is neither the old table nor the
   * new one, or an error (the table missing), is a violation.
   */
  private static final class OverwriteReader {
    final Map<String, List<String>> seen = new LinkedHashMap<>();
    final List<String> violations = Collections.synchronizedList(new ArrayList<>());
    private final Destination destination;
    private final String checksum;
    private final Map<String, String> old;
    private final Map<String, String> fresh;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread = new Thread(this::read, "overwrite-reader");

    OverwriteReader(Destination destination, String checksum, Map<String, String> old, Map<String, String> fresh) {
      this.destination = destination;
      this.checksum = checksum;
      this.old = old;
      this.fresh = fresh;
      old.keySet().forEach(t -> seen.put(t, Collections.synchronizedList(new ArrayList<>())));
    }

    void start() {
      thread.start();
    }

    void stop() throws InterruptedException {
      running.set(false);
      thread.join(30_000);
      readOnce(); // and once more after the end
    }

    private void read() {
      while (running.get()) {
        readOnce();
      }
    }

    private void readOnce() {
      try (Connection c = destination.warehouse.connect(); Statement s = c.createStatement()) {
        for (String table : old.keySet()) {
          String answer;
          try (ResultSet rs = s.executeQuery(checksum.formatted(destination.table(table)))) {
            rs.next();
            answer = rs.getString(1);
          } catch (SQLException e) {
            violations.add(table + ": " + e.getMessage());
            continue;
          }
          List<String> answers = seen.get(table);
          if (answers.isEmpty() || !answers.get(answers.size() - 1).equals(answer)) {
            answers.add(answer);
          }
          if (!answer.equals(old.get(table)) && !answer.equals(fresh.get(table))) {
            violations.add(table + ": " + answer + " (old " + old.get(table) + ", new " + fresh.get(table) + ")");
          }
        }
      } catch (SQLException e) {
        violations.add("cannot connect: " + e.getMessage());
      }
    }
  }
}
