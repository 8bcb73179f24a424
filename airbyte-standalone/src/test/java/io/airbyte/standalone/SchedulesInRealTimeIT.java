package io.airbyte.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.airbyte.testsupport.postgres.EmbeddedPostgresServer;
import io.airbyte.testsupport.postgres.PostgresTestDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Schedules and retries of the packaged platform, in real time as a user runs it (no time
 * skipping anywhere): an "Every 24 hours" connection runs one job and then none, its next run a day
 * after that job; a cron firing every minute runs about once a minute; a failing job's second
 * attempt starts no sooner than the backoff (10 s after a first failure) says.
 */
@Timeout(600)
class SchedulesInRealTimeIT {

  private static final PostgresTestDatabase SOURCE = EmbeddedPostgresServer.get().createDatabase();
  private static final Duration QUIET_WINDOW = Duration.ofSeconds(90);

  @TempDir
  Path home;

  @AfterAll
  static void dropDatabase() {
    SOURCE.close();
  }

  @Test
  void schedulesAndBackoffsRunOnTheWallClock() throws Exception {
    // a view whose read fails at its fifth row: check and discover pass, every read fails (retryable)
    SOURCE.execute("CREATE VIEW boom AS SELECT x AS id, 10 / (x - 5) AS ratio FROM generate_series(1, 10) x");
    Map<String, String> env = Map.of("AIRBYTE_MAX_ATTEMPTS", "2");
    try (RunningPlatform platform = RunningPlatform.start(home, RunningPlatform.ANY_PORT, "platform", env)) {
      String workspace = platform.defaultWorkspace();
      String faker = platform.call("POST", "/sources", "{\"name\":\"faker\",\"workspaceId\":\"" + workspace
          + "\",\"configuration\":{\"sourceType\":\"faker\",\"count\":50,\"seed\":1}}").get("sourceId").asText();
      String duck = platform.call("POST", "/destinations", "{\"name\":\"duck\",\"workspaceId\":\"" + workspace
          + "\",\"configuration\":{\"destinationType\":\"duckdb\",\"destination_path\":\"" + home.resolve("w.duckdb")
          + "\"}}").get("destinationId").asText();
      String failing = platform.call("POST", "/sources", "{\"name\":\"boom\",\"workspaceId\":\"" + workspace
          + "\",\"configuration\":{\"sourceType\":\"postgres\",\"host\":\"127.0.0.1\",\"port\":" + SOURCE.port()
          + ",\"database\":\"" + SOURCE.databaseName() + "\",\"username\":\"" + SOURCE.username() + "\",\"password\":\""
          + SOURCE.password() + "\",\"schemas\":[\"public\"],\"ssl_mode\":{\"mode\":\"disable\"}}}").get("sourceId").asText();
      String duckForFailures = platform.call("POST", "/destinations", "{\"name\":\"duck2\",\"workspaceId\":\"" + workspace
          + "\",\"configuration\":{\"destinationType\":\"duckdb\",\"destination_path\":\"" + home.resolve("f.duckdb")
          + "\"}}").get("destinationId").asText();

      Instant daily = Instant.now();
      String dailyId = connection(platform, faker, duck, "daily", "{\"scheduleType\":\"basic\",\"basicTiming\":\"Every 24 hours\"}");
      Instant minutely = Instant.now();
      String cronId = connection(platform, faker, duck, "minutely", "{\"scheduleType\":\"cron\",\"cronExpression\":\"0 * * * * ?\"}");
      String failingId = connection(platform, failing, duckForFailures, "failing", "{\"scheduleType\":\"manual\"}");
      JsonNode failedJob = platform.sync(failingId);

      // the daily connection's first job ran at once; wait out the window in which main ran a dozen
      JsonNode first = awaitJobs(platform, dailyId, 1, Duration.ofSeconds(120)).get(0);
      assertThat(first.get("status").asText()).isEqualTo("succeeded");
      Instant quietUntil = Instant.now().plus(QUIET_WINDOW);
      while (Instant.now().isBefore(quietUntil)) {
        assertThat(jobs(platform, dailyId)).as("jobs of an 'Every 24 hours' connection").hasSize(1);
        Thread.sleep(5_000);
      }
      JsonNode status = platform.configApi("GET", "/connections/" + dailyId + "/status", null);
      Instant nextRun = Instant.parse(status.get("nextRunAt").asText());
      Instant expected = Instant.parse(first.get("startTime").asText()).plus(Duration.ofHours(24));
      assertThat(Duration.between(expected, nextRun).abs()).as("next run " + nextRun + ", expected about " + expected)
          .isLessThan(Duration.ofMinutes(2));
      assertThat(Duration.between(daily, nextRun)).isGreaterThan(Duration.ofHours(23));

      // a cron firing at second 0 of every minute: once per minute boundary since it was created
      long minutes = Duration.between(minutely, Instant.now()).toSeconds() / 60;
      assertThat(jobs(platform, cronId).size()).as("jobs of a once-a-minute cron after " + minutes + " whole minutes")
          .isBetween((int) Math.max(1, minutes), (int) minutes + 1);

      // the failing job: two attempts, the second at least the 10 s backoff after the first ended
      assertThat(failedJob.get("status").asText()).as(failedJob.toString()).isEqualTo("failed");
      JsonNode attempts = platform.configApi("GET", "/jobs/" + failedJob.get("jobId").asLong() + "/attempts", null);
      assertThat(attempts).hasSize(2);
      Instant firstEnded = Instant.parse(attempts.get(0).get("endedAt").asText());
      Instant secondStarted = Instant.parse(attempts.get(1).get("createdAt").asText());
      assertThat(Duration.between(firstEnded, secondStarted)).as("pause between the failed attempt and its retry")
          .isGreaterThanOrEqualTo(Duration.ofMillis(9_900));
    }
  }

  private static String connection(RunningPlatform platform, String source, String destination, String name, String schedule)
      throws Exception {
    return platform.call("POST", "/connections", "{\"sourceId\":\"" + source + "\",\"destinationId\":\"" + destination
        + "\",\"name\":\"" + name + "\",\"schedule\":" + schedule + "}").get("connectionId").asText();
  }

  private static List<JsonNode> jobs(RunningPlatform platform, String connectionId) throws Exception {
    List<JsonNode> jobs = new java.util.ArrayList<>();
    platform.call("GET", "/jobs?connectionId=" + connectionId, null).get("data").forEach(jobs::add);
    return jobs;
  }

  private static List<JsonNode> awaitJobs(RunningPlatform platform, String connectionId, int count, Duration limit)
      throws Exception {
    Instant deadline = Instant.now().plus(limit);
    while (true) {
      List<JsonNode> jobs = jobs(platform, connectionId);
      boolean ended = jobs.size() >= count
          && jobs.stream().allMatch(j -> List.of("succeeded", "failed", "cancelled").contains(j.get("status").asText()));
      if (ended || Instant.now().isAfter(deadline)) {
        assertThat(jobs).as("jobs of " + connectionId).hasSizeGreaterThanOrEqualTo(count);
        return jobs;
      }
      Thread.sleep(1_000);
    }
  }
}
