package io.airbyte.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.airbyte.protocol.json.Jsons;
import io.airbyte.testsupport.postgres.EmbeddedPostgresServer;
import io.airbyte.testsupport.postgres.PostgresTestDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A retried job must not empty a table that synced (issue 13): source-postgres → destination-postgres
 * on the packaged platform, three streams in one connection; {@code a_good} and {@code b_other} in
 * full refresh | overwrite sync in the first attempt, {@code c_bad} fails in the destination on every
 * attempt (its table refuses rows with a trigger). The retries' source sends nothing for the streams
 * the first attempt read completely; their tables keep the rows, and the job's figures say what was
 * committed: its rows synced is the sum of what each attempt committed, the rows in the destination
 * that carry the job's sync id. The job is cancelled once its first retry ended, if it still runs,
 * so the test does not depend on how many attempts the retry settings allow.
 */
@Timeout(600)
class OverwriteRetryIT {

  private static final PostgresTestDatabase SOURCE = EmbeddedPostgresServer.get().createDatabase();
  private static final PostgresTestDatabase DESTINATION = EmbeddedPostgresServer.get().createDatabase();

  @TempDir
  Path home;

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void theRetriesOfAFailingStreamKeepTheRowsOfTheStreamsThatSynced() throws Exception {
    SOURCE.execute("CREATE TABLE a_good (id int PRIMARY KEY, name text)",
        "INSERT INTO a_good SELECT i, 'good ' || i FROM generate_series(1, 100) i",
        "CREATE TABLE b_other (id int PRIMARY KEY, label text)",
        "INSERT INTO b_other SELECT i, 'other ' || i FROM generate_series(1, 20) i",
        "CREATE TABLE c_bad (id int PRIMARY KEY, note text)",
        "INSERT INTO c_bad SELECT i, 'bad ' || i FROM generate_series(1, 5) i");
    // the destination's c_bad (what destination-postgres would create) refuses every row
    DESTINATION.execute("CREATE TABLE public.c_bad (_airbyte_raw_id uuid NOT NULL, _airbyte_extracted_at timestamptz NOT NULL,"
            + " _airbyte_meta jsonb NOT NULL, _airbyte_generation_id bigint, id integer, note text)",
        "CREATE FUNCTION refuse_rows() RETURNS trigger LANGUAGE plpgsql AS"
            + " $$ BEGIN RAISE EXCEPTION 'c_bad refuses every row (test trigger)'; END $$",
        "CREATE TRIGGER refuse BEFORE INSERT ON public.c_bad FOR EACH ROW EXECUTE FUNCTION refuse_rows()");

    Map<String, String> env = Map.of("AIRBYTE_MAX_ATTEMPTS", "3");
    try (RunningPlatform platform = RunningPlatform.start(home, RunningPlatform.ANY_PORT, "retry", env)) {
      String workspace = platform.defaultWorkspace();
      String sourceId = platform.call("POST", "/sources", "{\"name\":\"app db\",\"workspaceId\":\"" + workspace
          + "\",\"configuration\":{\"sourceType\":\"postgres\"," + connection(SOURCE) + ",\"schemas\":[\"public\"]}}")
          .get("sourceId").asText();
      String destinationId = platform.call("POST", "/destinations", "{\"name\":\"warehouse\",\"workspaceId\":\"" + workspace
          + "\",\"configuration\":{\"destinationType\":\"postgres\"," + connection(DESTINATION) + ",\"schema\":\"public\"}}")
          .get("destinationId").asText();
      String connectionId = platform.call("POST", "/connections", "{\"sourceId\":\"" + sourceId + "\",\"destinationId\":\""
          + destinationId + "\",\"name\":\"retries\",\"configurations\":{\"streams\":["
          + "{\"name\":\"a_good\",\"syncMode\":\"full_refresh_overwrite\"},"
          + "{\"name\":\"b_other\",\"syncMode\":\"full_refresh_overwrite\"},"
          + "{\"name\":\"c_bad\",\"syncMode\":\"full_refresh_append\"}]}}").get("connectionId").asText();

      long jobId = platform.call("POST", "/jobs", "{\"connectionId\":\"" + connectionId + "\",\"jobType\":\"sync\"}")
          .get("jobId").asLong();
      // a_good's rows seen while the job runs: once the first attempt swapped them in, they stay
      List<Long> seen = new ArrayList<>();
      long deadline = System.currentTimeMillis() + 300_000; // allows for real backoffs between attempts
      JsonNode job = platform.call("GET", "/jobs/" + jobId, null);
      while (!terminal(job) && !retryEnded(platform, jobId)) {
        assertThat(System.currentTimeMillis()).as("job " + jobId + " still in its first attempts: " + job).isLessThan(deadline);
        seen.add(rows("a_good"));
        Thread.sleep(200);
        job = platform.call("GET", "/jobs/" + jobId, null);
      }
      assertThat(rows("a_good")).as("a_good after the failed attempt and its retry\n" + attemptLogs(platform, jobId))
          .isEqualTo(100);
      // the remaining attempts fail the same way; the job ends whatever the retry settings
      job = terminal(job) ? job : platform.call("DELETE", "/jobs/" + jobId, null);
      while (!terminal(job)) {
        assertThat(System.currentTimeMillis()).as("job " + jobId + " not ended: " + job).isLessThan(deadline);
        seen.add(rows("a_good"));
        Thread.sleep(200);
        job = platform.call("GET", "/jobs/" + jobId, null);
      }
      seen.add(rows("a_good"));
      String logs = attemptLogs(platform, jobId);
      assertThat(job.get("status").asText()).as(job + "\n" + logs).isIn("failed", "cancelled");

      JsonNode attempts = configApi(platform, "/jobs/" + jobId + "/attempts");
      assertThat(attempts.size()).as(attempts.toString()).isGreaterThanOrEqualTo(2);
      assertThat(attempts.get(0).get("status").asText()).isEqualTo("failed");
      assertThat(attempts.get(1).get("status").asText()).isEqualTo("failed");
      // the retry echoed a_good's "done" state again but committed no record: no progress, so the
      // next attempt waits out a backoff and the attempts without progress are counted
      assertThat(attempts.get(1).at("/output/recordsCommitted").asLong()).isZero();
      assertThat(attempts.get(1).at("/output/committedData").asBoolean()).as(attempts.get(1).toString()).isFalse();
      assertThat(logs).contains("c_bad refuses every row");
      assertThat(logs).as("the retries' source read nothing again").contains("a_good was read completely by an earlier attempt");
      assertThat(logs).as("the retries' destination kept the table").contains("public.a_good kept");

      assertThat(rows("a_good")).as("a_good after the job\n" + logs).isEqualTo(100);
      assertThat(rows("b_other")).isEqualTo(20);
      assertThat(rows("c_bad")).isZero();
      int first = seen.indexOf(100L);
      assertThat(first).as("a_good reached its 100 rows during the job: " + seen).isGreaterThanOrEqualTo(0);
      assertThat(seen.subList(first, seen.size())).as("a_good while the job ran").containsOnly(100L);
      assertThat(distinct("a_good")).isEqualTo(100);

      // the figures: what each attempt committed, stored with it, adds up to the job's rows synced
      long sum = 0;
      for (JsonNode a : attempts) {
        long ofStreams = 0;
        for (JsonNode s : a.path("streams")) {
          ofStreams += s.get("recordsCommitted").asLong();
        }
        if (a.at("/output/recordsCommitted").isNumber()) { // a cancelled attempt may have no output
          assertThat(a.at("/output/recordsCommitted").asLong()).as("attempt " + a.get("attemptNumber") + ": its output")
              .isEqualTo(ofStreams);
        }
        sum += ofStreams;
      }
      assertThat(attempts.get(0).at("/output/recordsCommitted").asLong()).as("the first attempt: a_good and b_other")
          .isEqualTo(120);
      assertThat(job.get("rowsSynced").asLong()).as(job.toString()).isEqualTo(sum).isEqualTo(120)
          .isEqualTo(rowsOfSync(jobId));
      assertThat(job.get("bytesSynced").asLong()).isPositive();
      System.out.println("standalone: overwrite retry: job " + job.get("status").asText() + " after " + attempts.size()
          + " attempts, rowsSynced " + job.get("rowsSynced").asLong() + ", a_good " + rows("a_good") + " rows, "
          + seen.size() + " samples while it ran");
    }
  }

  private static boolean terminal(JsonNode job) {
    return List.of("succeeded", "failed", "cancelled").contains(job.get("status").asText());
  }

  /** Whether the job's second attempt (the first retry) ended. */
  private boolean retryEnded(RunningPlatform platform, long jobId) throws Exception {
    JsonNode attempts = configApi(platform, "/jobs/" + jobId + "/attempts");
    return attempts.size() >= 2 && attempts.get(1).hasNonNull("endedAt");
  }

  private static String connection(PostgresTestDatabase db) {
    return "\"host\":\"" + db.host() + "\",\"port\":" + db.port() + ",\"database\":\"" + db.databaseName()
        + "\",\"username\":\"" + db.username() + "\",\"password\":\"" + db.password() + "\",\"ssl_mode\":{\"mode\":\"disable\"}";
  }

  /** Rows of a destination table; -1 while it does not exist. */
  private static long rows(String table) throws SQLException {
    for (int tries = 1; ; tries++) {
      try {
        return count(table);
      } catch (SQLException e) {
        if (tries == 3) {
          throw e;
        }
        // the table was replaced between the two queries, or during the count
      }
    }
  }

  private static long count(String table) throws SQLException {
    try (Connection c = DESTINATION.connection();
        ResultSet exists = c.createStatement().executeQuery("SELECT to_regclass('public." + table + "') IS NOT NULL")) {
      exists.next();
      if (!exists.getBoolean(1)) {
        return -1;
      }
      try (ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM public." + table)) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private static long distinct(String table) throws SQLException {
    try (Connection c = DESTINATION.connection();
        ResultSet rs = c.createStatement().executeQuery("SELECT count(DISTINCT id) FROM public." + table)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** Rows in the destination written by the job (its sync id). */
  private static long rowsOfSync(long jobId) throws SQLException {
    try (Connection c = DESTINATION.connection();
        ResultSet rs = c.createStatement().executeQuery("SELECT (SELECT count(*) FROM public.a_good WHERE _airbyte_meta->>'sync_id' = '"
            + jobId + "') + (SELECT count(*) FROM public.b_other WHERE _airbyte_meta->>'sync_id' = '" + jobId
            + "') + (SELECT count(*) FROM public.c_bad WHERE _airbyte_meta->>'sync_id' = '" + jobId + "')")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** The logs of the job's attempts (one just started may have none yet). */
  private String attemptLogs(RunningPlatform platform, long jobId) throws Exception {
    StringBuilder all = new StringBuilder();
    for (JsonNode a : configApi(platform, "/jobs/" + jobId + "/attempts")) {
      int n = a.get("attemptNumber").asInt();
      HttpResponse<String> log = send(platform, "/jobs/" + jobId + "/attempts/" + n + "/log");
      all.append("--- attempt ").append(n).append('\n').append(log.statusCode() == 200 ? log.body() : "(no log yet)\n");
    }
    return all.toString();
  }

  private JsonNode configApi(RunningPlatform platform, String path) throws Exception {
    return Jsons.deserialize(get(platform, path));
  }

  private String get(RunningPlatform platform, String path) throws Exception {
    HttpResponse<String> response = send(platform, path);
    assertThat(response.statusCode()).as("GET /api/v1" + path + ": " + response.body()).isEqualTo(200);
    return response.body();
  }

  private HttpResponse<String> send(RunningPlatform platform, String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + platform.port() + "/api/v1" + path))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("airbyte:" + RunningPlatform.PASSWORD)
            .getBytes(StandardCharsets.UTF_8)))
        .build(), HttpResponse.BodyHandlers.ofString());
  }
}
