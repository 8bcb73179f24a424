package io.airbyte.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.airbyte.testsupport.postgres.EmbeddedPostgresServer;
import io.airbyte.testsupport.postgres.PostgresTestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} of a connector process in the middle of a CDC sync (source-postgres reading a
 * pgoutput slot → destination-postgres, both streams incremental | append + deduped) on the packaged
 * platform, one platform for the whole test. After the initial load, a few hundred thousand changes
 * (inserts, updates, some leaving a TOASTed column unchanged, deletes, one transaction across both
 * tables), then a sync whose source process is killed once the job committed a state; more changes,
 * then a sync whose destination process is killed the same way. Each time the interrupted attempt is
 * failed with a reason naming the killed side, the job retries from the committed state and succeeds,
 * and the destination ends row for row equal to the source, deleted rows gone. While the jobs run, the
 * slot's confirmed position never passes the committed state's position; after each, it is where the
 * last attempt started (the state the platform had committed), so no change can be lost to a kill.
 */
@Timeout(1500)
class CdcKillConnectorsIT {

  private static final PostgresTestDatabase SOURCE = EmbeddedPostgresServer.get().createDatabase();
  private static final PostgresTestDatabase DESTINATION = EmbeddedPostgresServer.get().createDatabase();
  /** Slots belong to the server: the database's unique name keeps this one apart from other tests'. */
  private static final String SLOT = "kill_" + SOURCE.databaseName();
  private static final String PUBLICATION = "kill_pub";
  private static final String SCHEMA = "cdc_kill";
  private static final int ACCOUNTS = 5_000;
  private static final int EVENTS = 100_000;
  /** Rows of one transaction of inserts or updates: the source emits a state at a transaction boundary every 10000 records. */
  private static final int CHUNK = 5_000;
  private static final int CHUNKS = 40;
  private static final int NEW_ACCOUNTS = 300;
  /** Per table, a row in one text form for the source and the destination alike ({@code doc} by its md5: 6400 characters). */
  private static final Map<String, String> ROW = Map.of(
      "accounts", "id::bigint::text || '|' || name || '|' || balance::numeric(12,2)::text || '|' || md5(doc)",
      "events", "id::bigint::text || '|' || account_id::bigint::text || '|' || amount::numeric(12,2)::text || '|'"
          + " || coalesce(note, '<null>') || '|' || to_char(happened_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.US')");
  /** The source's log lines on what a read of the slot did. */
  private static final Pattern READ_FIGURES = Pattern.compile("(slot '[^']+': \\d+ changes read up to [^\\n;]+|\\w+: \\d+"
      + " unchanged TOASTed values read from the table)");

  @TempDir
  Path home;

  @AfterAll
  static void dropSlot() {
    try {
      SOURCE.execute("SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots WHERE slot_name = '" + SLOT + "'");
    } catch (IllegalStateException stillActive) {
      System.out.println("standalone: cdc kill: the slot " + SLOT + " could not be dropped: " + stillActive.getMessage());
    }
  }

  @Test
  void aKilledSourceAndAKilledDestinationAreRetriedFromTheCommittedStateAndTheDestinationEndsEqual() throws Exception {
    long started = System.nanoTime();
    prepareSource();
    try (RunningPlatform platform = RunningPlatform.start(home, RunningPlatform.ANY_PORT, "cdc-kill", Map.of())) {
      String sourceId = platform.createSource("app by cdc", "{\"sourceType\":\"postgres\","
          + RunningPlatform.postgresFields(SOURCE) + ",\"schemas\":[\"public\"],\"replication_method\":{\"method\":\"CDC\","
          + "\"plugin\":\"pgoutput\",\"replication_slot\":\"" + SLOT + "\",\"publication\":\"" + PUBLICATION + "\"}}");
      String destinationId = platform.createPostgresDestination("mart", DESTINATION, SCHEMA);
      String connectionId = platform.createConnection(sourceId, destinationId, "cdc, connectors killed mid-sync",
          "[{\"name\":\"accounts\",\"syncMode\":\"incremental_deduped_history\"},"
              + "{\"name\":\"events\",\"syncMode\":\"incremental_deduped_history\"}]");
      MetadataPostmaster metadata = MetadataPostmaster.running(home);

      JsonNode initial = platform.sync(connectionId);
      assertThat(initial.get("status").asText()).as(initial + "\n" + tail(attemptLogs(initial.get("jobId").asLong())))
          .isEqualTo("succeeded");
      assertDestinationEqualsSource("after the initial load");
      try (Connection m = metadata.connect()) {
        assertThat(SlotPositionWatch.committedLsn(m, connectionId)).as("the GLOBAL state of the initial load").isNotNull();
      }

      long changes = change(1);
      syncKillingMidStream(platform, metadata, connectionId, "source-postgres.jar", "source", changes);
      changes = change(2);
      syncKillingMidStream(platform, metadata, connectionId, "destination-postgres.jar", "destination", changes);
    }
    System.out.println("standalone: cdc kill: the whole test took " + (System.nanoTime() - started) / 1_000_000 + " ms");
  }

  /**
   * A sync of the changes whose {@code jar} process is killed ({@code SIGKILL}) once the job committed a
   * state; the job must retry and succeed, the destination end equal to the source and the slot never
   * pass the committed state.
   */
  private void syncKillingMidStream(RunningPlatform platform, MetadataPostmaster metadata, String connectionId, String jar,
      String side, long changes) throws Exception {
    long started = System.nanoTime();
    Set<JsonNode> before = CommittedState.inDatabase(metadata, connectionId);
    long lsnBefore = lsn(before);
    long confirmedBefore = confirmedFlushLsn();
    long jobId;
    long lsnAtKill;
    JsonNode job;
    SlotPositionWatch watch = SlotPositionWatch.start(SOURCE, SLOT, metadata, connectionId);
    try (watch) {
      jobId = platform.startSync(connectionId);
      Set<JsonNode> committed = CommittedState.awaitNew(metadata, connectionId, jobId, before);
      lsnAtKill = lsn(committed);
      List<String> pids = ConnectorProcesses.of(home, jar);
      assertThat(pids).as("the " + jar + " process of the running attempt").hasSize(1);
      ProcessHandle victim = ProcessHandle.of(Long.parseLong(pids.get(0))).orElseThrow();
      victim.destroyForcibly(); // SIGKILL, as kill -9
      System.out.println("standalone: cdc kill: killed the " + side + " (pid " + victim.pid() + ") of job " + jobId + " "
          + (System.nanoTime() - started) / 1_000_000 + " ms into it, the committed state at "
          + SlotPositionWatch.lsn(lsnAtKill) + " (before the job: " + SlotPositionWatch.lsn(lsnBefore) + ")");
      job = platform.awaitJob(jobId, 900);
    }
    long took = (System.nanoTime() - started) / 1_000_000;
    String logs = attemptLogs(jobId);
    keep("job-" + jobId + "-attempts.log", logs);
    assertThat(job.get("status").asText()).as(job + "\n" + tail(logs)).isEqualTo("succeeded");

    JsonNode attempts = platform.configApi("GET", "/jobs/" + jobId + "/attempts", null);
    assertThat(attempts.size()).as(attempts.toString()).isGreaterThanOrEqualTo(2);
    JsonNode interrupted = attempts.get(0);
    assertThat(interrupted.get("status").asText()).as(interrupted.toString()).isEqualTo("failed");
    JsonNode failures = interrupted.at("/failureSummary/failures");
    assertThat(failures.size()).as("the failure reasons of the interrupted attempt: " + interrupted).isPositive();
    assertThat(failures.get(0).get("externalMessage").asText()).as(failures.toString()).isNotBlank();
    List<String> origins = new ArrayList<>();
    failures.forEach(f -> origins.add(f.path("failureOrigin").asText()));
    assertThat(origins).as("the origins of the interrupted attempt's failures: " + failures).contains(side);
    JsonNode last = attempts.get(attempts.size() - 1);
    assertThat(last.get("status").asText()).as(attempts.toString()).isEqualTo("succeeded");

    long resumedFrom = lsn(CommittedState.inputOf(home, jobId, attempts.get(1).get("attemptNumber").asInt()));
    assertThat(resumedFrom).as("the position the retry started from: the state committed before the kill, or later")
        .isGreaterThanOrEqualTo(lsnAtKill).isGreaterThan(lsnBefore);
    long lastFrom = lsn(CommittedState.inputOf(home, jobId, last.get("attemptNumber").asInt()));
    long confirmedAfter = confirmedFlushLsn();
    assertThat(watch.violations()).as("samples (of " + watch.samples() + ") where the slot had passed the committed state")
        .isEmpty();
    assertThat(watch.samples()).isPositive();
    assertThat(SlotPositionWatch.lsn(confirmedAfter)).as("the slot's confirmed position after the job: where its last"
        + " attempt started (before the job: " + SlotPositionWatch.lsn(confirmedBefore) + ")")
        .isEqualTo(SlotPositionWatch.lsn(lastFrom));
    assertThat(awaitNoConnectorProcess()).as("connector processes left after the job").isEmpty();
    assertDestinationEqualsSource("after the job whose " + side + " was killed");

    Matcher figures = READ_FIGURES.matcher(logs);
    List<String> reads = new ArrayList<>();
    while (figures.find()) {
      reads.add(figures.group());
    }
    System.out.println("standalone: cdc kill: job " + jobId + " (" + changes + " row changes, " + side + " killed) "
        + job.get("status").asText() + " after " + attempts.size() + " attempts in " + took + " ms; the interrupted one: "
        + failures.get(0).get("failureOrigin").asText() + ": " + failures.get(0).get("externalMessage").asText()
        + "; the retry started from " + SlotPositionWatch.lsn(resumedFrom) + "; rows synced " + job.path("rowsSynced")
        + "; slot confirmed " + SlotPositionWatch.lsn(confirmedBefore) + " -> " + SlotPositionWatch.lsn(confirmedAfter)
        + " (" + watch.samples() + " samples, never past the committed state); the source's reads: " + reads);
  }

  /** Two tables with primary keys, {@code accounts.doc} stored out of line (TOAST), a publication of both and the slot. */
  private static void prepareSource() throws SQLException {
    try (Connection admin = EmbeddedPostgresServer.get().adminDataSource().getConnection();
        Statement s = admin.createStatement()) {
      s.execute("ALTER ROLE " + SOURCE.username() + " REPLICATION");
    }
    SOURCE.execute("CREATE TABLE accounts (id bigint PRIMARY KEY, name text NOT NULL, balance numeric(12,2) NOT NULL,"
            + " doc text NOT NULL)",
        // out of line and uncompressed: an update that leaves it alone sends it as 'unchanged TOAST' in the slot
        "ALTER TABLE accounts ALTER COLUMN doc SET STORAGE EXTERNAL",
        "INSERT INTO accounts SELECT i, 'account ' || i, (i % 1000) * 1.5, repeat(md5(i::text), 200)"
            + " FROM generate_series(1, " + ACCOUNTS + ") i",
        "CREATE TABLE events (id bigint PRIMARY KEY, account_id bigint NOT NULL, amount numeric(12,2) NOT NULL, note text,"
            + " happened_at timestamptz NOT NULL)",
        "INSERT INTO events SELECT i, i % " + ACCOUNTS + " + 1, (i % 10000) / 100.0, CASE WHEN i % 4 = 0 THEN NULL"
            + " ELSE 'event ' || i END, timestamptz '2024-01-01 00:00:00+00' + i * interval '1 second'"
            + " FROM generate_series(1, " + EVENTS + ") i",
        "CREATE PUBLICATION " + PUBLICATION + " FOR TABLE accounts, events",
        "SELECT pg_create_logical_replication_slot('" + SLOT + "', 'pgoutput')");
    try (Connection c = SOURCE.connection(); ResultSet rs = c.createStatement().executeQuery(
        "SELECT pg_relation_size(reltoastrelid) FROM pg_class WHERE relname = 'accounts'")) {
      rs.next();
      assertThat(rs.getLong(1)).as("accounts.doc stored in the TOAST table").isGreaterThan(ACCOUNTS * 6_000L);
    }
  }

  /**
   * Round {@code round} of changes, in many transactions: balance updates that leave the TOASTed
   * {@code doc} unchanged (some of those rows deleted later in the round), {@value #CHUNKS} transactions
   * of {@value #CHUNK} new events each followed by one updating existing events, one transaction
   * across both tables in the middle, then updates of {@code doc} and deletes. Returns the rows changed.
   */
  private static long change(int round) throws SQLException {
    long changed = 0;
    try (Connection c = SOURCE.connection(); Statement s = c.createStatement()) {
      long from;
      try (ResultSet rs = s.executeQuery("SELECT max(id) + 1 FROM events")) {
        rs.next();
        from = rs.getLong(1);
      }
      long firstAccount = ACCOUNTS + (round - 1L) * NEW_ACCOUNTS + 1;
      changed += s.executeUpdate("UPDATE accounts SET balance = balance + " + round + " WHERE id % 2 = 0");
      long slice = (from - 1) / CHUNKS + 1;
      for (int k = 0; k < CHUNKS; k++) {
        long start = from + (long) k * CHUNK;
        changed += s.executeUpdate("INSERT INTO events SELECT i, i % " + ACCOUNTS + " + 1, (i % 10000) / 100.0, 'round "
            + round + "', now() FROM generate_series(" + start + ", " + (start + CHUNK - 1) + ") i");
        changed += s.executeUpdate("UPDATE events SET amount = amount + " + round + ", note = 'updated in round " + round
            + "' WHERE id BETWEEN " + (k * slice + 1) + " AND " + ((k + 1) * slice) + " AND id % 3 = " + round % 3);
        if (k == CHUNKS / 2) {
          changed += acrossBothTables(c, round, firstAccount, from);
        }
      }
      changed += s.executeUpdate("UPDATE accounts SET doc = repeat(md5(id::text || '-" + round + "'), 200) WHERE id % 7 = "
          + round);
      changed += s.executeUpdate("DELETE FROM accounts WHERE id % 50 = " + 2 * round);
      changed += s.executeUpdate("DELETE FROM events WHERE id % 97 = " + round);
    }
    return changed;
  }

  /** One transaction changing both tables: accounts renamed (doc unchanged), new accounts and their events, events deleted. */
  private static long acrossBothTables(Connection c, int round, long firstAccount, long from) throws SQLException {
    c.setAutoCommit(false);
    try (Statement s = c.createStatement()) {
      long changed = s.executeUpdate("UPDATE accounts SET name = name || ' (round " + round + ")' WHERE id <= 200");
      changed += s.executeUpdate("INSERT INTO accounts SELECT i, 'new in round " + round + "', 0, repeat(md5(i::text || 'new'),"
          + " 200) FROM generate_series(" + firstAccount + ", " + (firstAccount + NEW_ACCOUNTS - 1) + ") i");
      long eventsFrom = from + (long) CHUNKS * CHUNK;
      changed += s.executeUpdate("INSERT INTO events SELECT i, " + firstAccount + " + i % " + NEW_ACCOUNTS
          + ", 9.99, 'opening', now() FROM generate_series(" + eventsFrom + ", " + (eventsFrom + 999) + ") i");
      changed += s.executeUpdate("DELETE FROM events WHERE account_id BETWEEN 1 AND 20 AND id < " + from);
      c.commit();
      return changed;
    } finally {
      c.setAutoCommit(true);
    }
  }

  private static void assertDestinationEqualsSource(String when) throws SQLException {
    for (String table : ROW.keySet()) {
      TableFingerprint source = TableFingerprint.of(SOURCE, "public." + table, ROW.get(table));
      TableFingerprint destination = TableFingerprint.of(DESTINATION, SCHEMA + "." + table, ROW.get(table));
      assertThat(destination.distinctIds()).as(table + " " + when + ": one row per primary key").isEqualTo(destination.rows());
      assertThat(destination).as(table + " in the destination " + when + ", against the source").isEqualTo(source);
      try (Connection c = DESTINATION.connection(); ResultSet rs = c.createStatement().executeQuery(
          "SELECT count(*) FROM " + SCHEMA + "." + table + " WHERE _ab_cdc_deleted_at IS NOT NULL")) {
        rs.next();
        assertThat(rs.getLong(1)).as(table + " " + when + ": rows of deletes left in the destination").isZero();
      }
    }
  }

  private static long confirmedFlushLsn() throws SQLException {
    try (Connection c = SOURCE.connection()) {
      return SlotPositionWatch.confirmedFlushLsn(c, SLOT);
    }
  }

  /** {@code shared_state.lsn} of the one GLOBAL state among these state messages. */
  private static long lsn(Set<JsonNode> state) {
    List<JsonNode> global = state.stream().filter(m -> "GLOBAL".equals(m.path("type").asText())).toList();
    assertThat(global).as("one GLOBAL state: " + state).hasSize(1);
    JsonNode lsn = global.get(0).at("/global/shared_state/lsn");
    assertThat(lsn.isIntegralNumber()).as("shared_state.lsn of " + global.get(0)).isTrue();
    return lsn.asLong();
  }

  /** Waits (up to 60 s) for the connector processes of the home to end; returns those still running. */
  private List<String> awaitNoConnectorProcess() throws InterruptedException {
    long deadline = System.currentTimeMillis() + 60_000;
    List<String> left = ConnectorProcesses.of(home, "source-postgres.jar", "destination-postgres.jar");
    while (left.stream().anyMatch(ConnectorProcesses::alive) && System.currentTimeMillis() < deadline) {
      Thread.sleep(100);
      left = ConnectorProcesses.of(home, "source-postgres.jar", "destination-postgres.jar");
    }
    return left.stream().filter(ConnectorProcesses::alive).toList();
  }

  /** The logs of the job's attempts as the platform wrote them into its home. */
  private String attemptLogs(long jobId) throws Exception {
    Path job = AttemptFiles.job(home, jobId);
    StringBuilder all = new StringBuilder();
    if (Files.isDirectory(job)) {
      try (var attempts = Files.list(job)) {
        for (Path attempt : attempts.sorted().toList()) {
          Path log = attempt.resolve("logs.log");
          if (Files.exists(log)) {
            all.append("--- attempt ").append(attempt.getFileName()).append('\n').append(Files.readString(log));
          }
        }
      }
    }
    return all.toString();
  }

  /** Keeps a copy beside the platform's logs that {@link RunningPlatform#close} keeps, to read after a failed run. */
  private void keep(String name, String text) throws IOException {
    Path kept = Path.of("target", "platform-logs", home.getFileName().toString());
    Files.createDirectories(kept);
    Files.writeString(kept.resolve(name), text);
  }

  private static String tail(String logs) {
    return logs.length() <= 20_000 ? logs : "…" + logs.substring(logs.length() - 20_000);
  }
}
