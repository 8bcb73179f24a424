package io.airbyte.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.airbyte.testsupport.postgres.EmbeddedPostgresServer;
import io.airbyte.testsupport.postgres.PostgresTestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Committed state survives a restart of the packaged platform: after an incremental sync PostgreSQL →
 * PostgreSQL (append + deduped, two tables) the platform is stopped, the source changes, and the platform is
 * started again. The state is there as it was committed, the next sync starts from exactly that state (its
 * {@code input_state.json}), moves only the rows at or after each stream's cursor (counted in the source,
 * not a full re-read), and the destination ends row for row equal to the source. Along the way, the worker's
 * memory of passed checks ({@code AIRBYTE_CHECK_REUSE_SECONDS}, 300 s by default): the first sync checks both
 * sides, the second (same configurations, a few seconds later) skips both checks, and the first sync after the
 * restart checks again, since that memory is not kept across a restart.
 */
@Timeout(600)
class StandaloneStateSurvivesRestartIT {

  private static final List<String> TABLES = List.of("events_a", "events_b");
  private static final int ROWS = 5_000;
  private static final PostgresTestDatabase SOURCE = EmbeddedPostgresServer.get().createDatabase();
  private static final PostgresTestDatabase DESTINATION = EmbeddedPostgresServer.get().createDatabase();

  @TempDir
  Path home;

  @Test
  void committedStateSurvivesARestartAndTheNextSyncStartsFromIt() throws Exception {
    for (String table : TABLES) {
      SOURCE.execute("CREATE TABLE " + table + " (id bigint PRIMARY KEY, updated_at timestamptz NOT NULL, payload text NOT NULL)",
          "INSERT INTO " + table + " SELECT i, timestamptz '2024-01-01 00:00:00+00' + i * interval '1 second', md5(i::text)"
              + " FROM generate_series(1, " + ROWS + ") i");
    }
    int port = RunningPlatform.ANY_PORT;
    String connectionId;
    Set<JsonNode> committed;
    try (RunningPlatform platform = RunningPlatform.start(home, port, "first", Map.of())) {
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
          + destinationId + "\",\"name\":\"state across restarts\",\"namespaceDefinition\":\"destination\","
          + "\"configurations\":{\"streams\":[" + streams + "]},\"schedule\":{\"scheduleType\":\"manual\"}}")
          .get("connectionId").asText();
      JsonNode first = platform.sync(connectionId);
      assertThat(first.get("status").asText()).as(first.toString()).isEqualTo("succeeded");
      assertThat(first.get("rowsSynced").asLong()).isEqualTo(2L * ROWS);
      assertThat(attemptLog(first, 0)).contains("Checking the source", "Checking the destination").doesNotContain("skipped");
      JsonNode second = platform.sync(connectionId);
      assertThat(second.get("status").asText()).as(second.toString()).isEqualTo("succeeded");
      assertThat(attemptLog(second, 0)).contains("Check of the source skipped: The same source configuration passed a check",
          "Check of the destination skipped: The same destination configuration passed a check")
          .doesNotContain("Checking the source", "Checking the destination");
      committed = CommittedState.inDatabase(MetadataPostmaster.running(home), connectionId);
      assertThat(committed).as("one committed state per stream").hasSize(TABLES.size());
    }

    // while the platform is stopped: 7 rows of one table change, 5 rows come to the other
    SOURCE.execute("UPDATE events_a SET payload = 'changed while stopped', updated_at = timestamptz '2030-01-01 00:00:00+00' + id"
            + " * interval '1 second' WHERE id % 700 = 0",
        "INSERT INTO events_b SELECT i, timestamptz '2030-01-01 00:00:00+00' + i * interval '1 second', 'new while stopped'"
            + " FROM generate_series(" + (ROWS + 1) + ", " + (ROWS + 5) + ") i");
    long atOrAfterCursors = atOrAfterCursors(committed);

    try (RunningPlatform again = RunningPlatform.start(home, port, "restarted", Map.of())) {
      assertThat(CommittedState.inDatabase(MetadataPostmaster.running(home), connectionId))
          .as("the committed state after the restart, before any sync").isEqualTo(committed);
      JsonNode next = again.sync(connectionId);
      assertThat(next.get("status").asText()).as(next + "\n" + again.log("restarted")).isEqualTo("succeeded");
      long jobId = next.get("jobId").asLong();
      assertThat(CommittedState.inputOf(home, jobId, 0)).as("the state the sync after the restart started from")
          .isEqualTo(committed);
      assertThat(attemptLog(next, 0)).as("the first sync after a restart checks").contains("Checking the source",
          "Checking the destination");
      System.out.println("standalone: the sync after the restart moved " + next.get("rowsSynced").asLong() + " rows of "
          + (2 * ROWS + 5) + " (rows at or after the committed cursors: " + atOrAfterCursors + ")");
      assertThat(next.get("rowsSynced").asLong()).as("rows at or after each stream's committed cursor, and no others")
          .isEqualTo(atOrAfterCursors);
    }
    for (String table : TABLES) {
      assertThat(fingerprint(DESTINATION, "mart." + table)).as(table + " in the destination against the source")
          .isEqualTo(fingerprint(SOURCE, "public." + table));
    }
  }

  private String attemptLog(JsonNode job, int attempt) throws Exception {
    return AttemptFiles.logText(home, job.get("jobId").asLong(), attempt);
  }

  private static String connection(PostgresTestDatabase db) {
    return "\"host\":\"127.0.0.1\",\"port\":" + db.port() + ",\"database\":\"" + db.databaseName() + "\",\"username\":\""
        + db.username() + "\",\"password\":\"" + db.password() + "\",\"ssl_mode\":{\"mode\":\"disable\"}";
  }

  /** Source rows whose cursor is at or after the one committed for their stream: what an incremental read from that state reads. */
  private static long atOrAfterCursors(Set<JsonNode> committed) throws Exception {
    long rows = 0;
    for (JsonNode message : committed) {
      String table = message.at("/stream/stream_descriptor/name").asText();
      String cursor = message.at("/stream/stream_state/cursor").asText();
      assertThat(TABLES).as("a committed state's stream: " + message).contains(table);
      assertThat(cursor).as("a committed state's cursor: " + message).isNotBlank();
      try (Connection c = SOURCE.connection();
          PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM public." + table + " WHERE updated_at >= ?::timestamptz")) {
        ps.setString(1, cursor);
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          rows += rs.getLong(1);
        }
      }
    }
    return rows;
  }

  private record Fingerprint(long rows, long distinctIds, String md5) {}

  private static Fingerprint fingerprint(PostgresTestDatabase db, String table) throws Exception {
    try (Connection c = db.connection(); ResultSet rs = c.createStatement().executeQuery(
        "SELECT count(*), count(DISTINCT id), md5(string_agg(id::bigint::text || '|' || to_char(updated_at AT TIME ZONE 'UTC',"
            + " 'YYYY-MM-DD HH24:MI:SS.US') || '|' || payload, E'\\n' ORDER BY id)) FROM " + table)) {
      rs.next();
      return new Fingerprint(rs.getLong(1), rs.getLong(2), rs.getString(3));
    }
  }
}
