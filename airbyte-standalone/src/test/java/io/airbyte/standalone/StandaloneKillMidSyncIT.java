package io.airbyte.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.airbyte.testsupport.postgres.EmbeddedPostgresServer;
import io.airbyte.testsupport.postgres.PostgresTestDatabase;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} of the packaged platform in the middle of a sync PostgreSQL → PostgreSQL
 * (incremental | append + deduped, three tables), once the attempt has committed some state; the
 * platform is started again at once. The interrupted attempt is failed with a reason, the job goes
 * on with a new attempt from the committed state (the state it is handed is the one committed when the
 * platform died), and the destination ends row for row equal to the source (which changed while the
 * platform was down). No PostgreSQL of the home is left behind.
 */
@Timeout(900)
class StandaloneKillMidSyncIT {

  private static final List<String> TABLES = List.of("orders_a", "orders_b", "orders_c");
  private static final int ROWS_PER_TABLE = 250_000;
  /** The canonical text of a row of orders_a, orders_b or orders_c (the destination's types differ). */
  private static final String ROW = "id::bigint::text || '|' || to_char(updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.US')"
      + " || '|' || amount::numeric(12,2)::text || '|' || payload";
  private static final PostgresTestDatabase SOURCE = EmbeddedPostgresServer.get().createDatabase();
  private static final PostgresTestDatabase DESTINATION = EmbeddedPostgresServer.get().createDatabase();

  @TempDir
  Path home;

  @Test
  void killedMidSyncTheJobRetriesAndTheDestinationEndsExact() throws Exception {
    for (String table : TABLES) {
      SOURCE.execute("CREATE TABLE " + table + " (id bigint PRIMARY KEY, updated_at timestamptz NOT NULL, "
              + "amount numeric(12,2) NOT NULL, payload text NOT NULL)",
          "INSERT INTO " + table + " SELECT i, timestamptz '2024-01-01 00:00:00+00' + i * interval '1 second', "
              + "(i % 100000) / 100.0, repeat(md5(i::text), 3) FROM generate_series(1, " + ROWS_PER_TABLE + ") i");
    }
    String connectionId;
    long jobId;
    List<String> connectors;
    long killedAt;
    Set<JsonNode> committedAtKill;
    try (RunningPlatform platform = RunningPlatform.start(home, RunningPlatform.ANY_PORT, "before-kill", Map.of())) {
      String workspace = platform.defaultWorkspace();
      String sourceId = platform.call("POST", "/sources", "{\"name\":\"app\",\"workspaceId\":\"" + workspace
          + "\",\"configuration\":{\"sourceType\":\"postgres\"," + connection(SOURCE) + ",\"schemas\":[\"public\"]}}")
          .get("sourceId").asText();
      String destinationId = platform.call("POST", "/destinations", "{\"name\":\"mart\",\"workspaceId\":\"" + workspace
          + "\",\"configuration\":{\"destinationType\":\"postgres\"," + connection(DESTINATION) + ",\"schema\":\"mart\"}}")
          .get("destinationId").asText();
      StringBuilder streams = new StringBuilder();
      for (String table : TABLES) {
        streams.append(streams.length() == 0 ? "" : ",").append("{\"name\":\"").append(table)
            .append("\",\"syncMode\":\"incremental_deduped_history\",\"cursorField\":[\"updated_at\"]}");
      }
      connectionId = platform.call("POST", "/connections", "{\"sourceId\":\"" + sourceId + "\",\"destinationId\":\""
          + destinationId + "\",\"name\":\"killed mid-sync\",\"namespaceDefinition\":\"destination\","
          + "\"configurations\":{\"streams\":[" + streams + "]},\"schedule\":{\"scheduleType\":\"manual\"}}")
          .get("connectionId").asText();
      jobId = platform.call("POST", "/jobs", "{\"connectionId\":\"" + connectionId + "\",\"jobType\":\"sync\"}")
          .get("jobId").asLong();
      Set<JsonNode> committed = CommittedState.awaitNew(MetadataPostmaster.running(home), connectionId, jobId, Set.of());
      System.out.println("standalone: killing the platform with " + committed.size() + " committed stream state(s)");
      connectors = ConnectorProcesses.of(home, "source-postgres.jar", "destination-postgres.jar");
      platform.kill9();
      killedAt = System.nanoTime();
      assertThat(MetadataPostmaster.running(home).alive()).as("the killed platform's PostgreSQL outlives it").isTrue();
      // the last committed state: nothing commits once the platform is dead
      committedAtKill = CommittedState.inDatabase(MetadataPostmaster.running(home), connectionId);
      assertThat(committedAtKill).as("states committed before the kill").isNotEmpty();
      System.out.println("standalone: connector processes of the attempt when the platform was killed: " + connectors
          + ", alive right after: " + connectors.stream().filter(ConnectorProcesses::alive).toList());
    }

    // while the platform is down the source changes: updated rows and new rows
    SOURCE.execute("UPDATE orders_a SET payload = 'changed while down', updated_at = now() WHERE id % 1000 = 0",
        "INSERT INTO orders_c SELECT i, now(), 1.25, 'new while down' FROM generate_series(" + (ROWS_PER_TABLE + 1) + ", "
            + (ROWS_PER_TABLE + 500) + ") i");

    try (RunningPlatform again = RunningPlatform.start(home, RunningPlatform.ANY_PORT, "after-kill", Map.of())) {
      JsonNode job = awaitEnd(again, jobId);
      assertThat(job.get("status").asText()).as(job + "\n" + again.log("after-kill")).isEqualTo("succeeded");
      JsonNode attempts = again.configApi("GET", "/jobs/" + jobId + "/attempts", null);
      assertThat(attempts.size()).as(attempts.toString()).isGreaterThanOrEqualTo(2);
      JsonNode interrupted = attempts.get(0);
      assertThat(interrupted.get("status").asText()).as(interrupted.toString()).isEqualTo("failed");
      assertThat(interrupted.at("/failureSummary/failures/0/externalMessage").asText())
          .as("the failure reason of the interrupted attempt: " + interrupted).isNotBlank();
      assertThat(attempts.get(attempts.size() - 1).get("status").asText()).isEqualTo("succeeded");
      int resumed = interrupted.get("attemptNumber").asInt() + 1;
      assertThat(CommittedState.inputOf(home, jobId, resumed))
          .as("the state attempt " + resumed + " started from: the state committed when the platform was killed")
          .isEqualTo(committedAtKill);
      System.out.println("standalone: attempts after the kill: " + attempts.size() + "; the interrupted one: "
          + interrupted.at("/failureSummary/failures/0/externalMessage").asText());
    }
    assertThat(awaitEnd(connectors, killedAt)).as("connector processes of the killed platform still running (holding"
        + " their connections, transactions and locks)").isEmpty();
    assertThat(MetadataPostmaster.processesOn(home)).as("PostgreSQL processes after the platform stopped").isEmpty();

    for (String table : TABLES) {
      TableFingerprint source = TableFingerprint.of(SOURCE, "public." + table, ROW);
      TableFingerprint destination = TableFingerprint.of(DESTINATION, "mart." + table, ROW);
      assertThat(destination.distinctIds()).as(table + ": one row per primary key").isEqualTo(destination.rows());
      assertThat(destination).as(table + " in the destination against the source").isEqualTo(source);
    }
  }

  private static String connection(PostgresTestDatabase db) {
    return "\"host\":\"127.0.0.1\",\"port\":" + db.port() + ",\"database\":\"" + db.databaseName() + "\",\"username\":\""
        + db.username() + "\",\"password\":\"" + db.password() + "\",\"ssl_mode\":{\"mode\":\"disable\"}";
  }

  private static JsonNode awaitEnd(RunningPlatform platform, long jobId) throws Exception {
    long deadline = System.currentTimeMillis() + 600_000;
    while (true) {
      JsonNode job = platform.call("GET", "/jobs/" + jobId, null);
      if (List.of("succeeded", "failed", "cancelled").contains(job.get("status").asText())
          || System.currentTimeMillis() > deadline) {
        return job;
      }
      Thread.sleep(500);
    }
  }

  /**
   * Waits (up to 60 s after the kill) for the connector processes of the killed platform to end by
   * themselves: their pipes to the dead JVM break. Returns those still running, after killing them
   * (so that no test leaves them behind).
   */
  private static List<String> awaitEnd(List<String> pids, long killedAt) throws InterruptedException {
    while (pids.stream().anyMatch(ConnectorProcesses::alive) && System.nanoTime() - killedAt < 60_000_000_000L) {
      Thread.sleep(100);
    }
    List<String> left = pids.stream().filter(ConnectorProcesses::alive).toList();
    System.out.println("standalone: connector processes of the killed platform: " + (left.isEmpty() ? "ended"
        : "still running " + (System.nanoTime() - killedAt) / 1_000_000 + " ms after the kill: " + left));
    left.forEach(pid -> ProcessHandle.of(Long.parseLong(pid)).ifPresent(ProcessHandle::destroyForcibly));
    return left;
  }
}
