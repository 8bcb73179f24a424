package io.airbyte.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.airbyte.protocol.json.Jsons;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged platform jar, as a user runs it, refuses what it should: schedules it does not run
 * (basic outside 1 minute … 1 year, crons more often than once a minute) on create and update, as
 * its schedule preview does; a second job of a connection asked for at the same time (ten requests
 * at once: one job, nine 409s); text PostgreSQL cannot store, naming the field. Every error body is
 * problem+json.
 */
@Timeout(600)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiRefusalsIT {

  static final List<String> REFUSED_BASIC = List.of("Every 0 hours", "Every 99999999999 hours", "Every 400 days", "Every 13 months");
  static final List<String> REFUSED_CRON = List.of("* * * * * ?", "0/30 * * * * ?");

  @TempDir
  static Path home;

  private final HttpClient http = HttpClient.newHttpClient();
  private int port;
  private RunningPlatform platform;
  private String workspace;
  private String pair;

  record Reply(int status, JsonNode json, String body, String contentType) {
    List<String> errors() {
      List<String> errors = new ArrayList<>();
      if (json != null && json.has("errors")) {
        json.get("errors").forEach(e -> errors.add(e.asText()));
      }
      return errors;
    }
  }

  @BeforeAll
  void start() throws Exception {
    platform = RunningPlatform.start(home, RunningPlatform.ANY_PORT, "refusals", Map.of());
    port = platform.port();
    workspace = platform.defaultWorkspace();
    String sourceId = platform.call("POST", "/sources", "{\"name\":\"faker\",\"workspaceId\":\"" + workspace
        + "\",\"configuration\":{\"sourceType\":\"faker\",\"count\":2000,\"seed\":3}}").get("sourceId").asText();
    String destinationId = platform.call("POST", "/destinations", "{\"name\":\"duck\",\"workspaceId\":\"" + workspace
        + "\",\"configuration\":{\"destinationType\":\"duckdb\",\"destination_path\":\"" + home.resolve("warehouse.duckdb")
        + "\"}}").get("destinationId").asText();
    pair = "\"sourceId\":\"" + sourceId + "\",\"destinationId\":\"" + destinationId + "\"";
  }

  @AfterAll
  void stop() throws Exception {
    if (platform != null) {
      platform.close();
    }
  }

  @Test
  void schedulesItDoesNotRunAreRefusedOnCreateAsByThePreview() throws Exception {
    int before = platform.call("GET", "/connections", null).get("data").size();
    for (String timing : REFUSED_BASIC) {
      Reply created = call("POST", "/api/public/v1/connections", "{" + pair + ",\"schedule\":" + basic(timing) + "}");
      assertProblem(created, 422);
      assertThat(created.errors()).singleElement().asString().startsWith("schedule.basicTiming: '" + timing + "'");
      assertThat(preview("basic", null, timing).errors()).isEqualTo(created.errors());
    }
    for (String expression : REFUSED_CRON) {
      Reply created = call("POST", "/api/public/v1/connections", "{" + pair + ",\"schedule\":" + cron(expression) + "}");
      assertProblem(created, 422);
      assertThat(created.errors()).singleElement().asString().startsWith("schedule.cronExpression: ")
          .contains("more often than once a minute");
      assertThat(preview("cron", expression, null).errors()).isEqualTo(created.errors());
    }
    assertThat(platform.call("GET", "/connections", null).get("data")).as("nothing stored").hasSize(before);
  }

  @Test
  void borderlineSchedulesRunAndAnUpdateToOneItDoesNotRunIsRefused() throws Exception {
    List<String> accepted = List.of(basic("Every 1 minutes"), basic("Every 12 months"), cron("0 * * * * ?"));
    for (String schedule : accepted) {
      Reply created = call("POST", "/api/public/v1/connections", "{" + pair + ",\"status\":\"inactive\",\"schedule\":"
          + schedule + "}");
      assertThat(created.status()).as(created.body()).isEqualTo(200);
      assertThat(created.json().get("schedule")).isEqualTo(Jsons.deserialize(schedule));
      String connection = created.json().get("connectionId").asText();
      for (String timing : REFUSED_BASIC) {
        Reply updated = call("PATCH", "/api/public/v1/connections/" + connection, "{\"schedule\":" + basic(timing) + "}");
        assertProblem(updated, 422);
        assertThat(updated.errors()).singleElement().asString().startsWith("schedule.basicTiming: '" + timing + "'");
      }
      for (String expression : REFUSED_CRON) {
        Reply updated = call("PATCH", "/api/public/v1/connections/" + connection, "{\"schedule\":" + cron(expression) + "}");
        assertProblem(updated, 422);
        assertThat(updated.errors()).singleElement().asString().startsWith("schedule.cronExpression: ");
      }
      assertThat(platform.call("GET", "/connections/" + connection, null).get("schedule")).isEqualTo(Jsons.deserialize(schedule));
      Reply other = call("PATCH", "/api/public/v1/connections/" + connection, "{\"schedule\":"
          + accepted.get((accepted.indexOf(schedule) + 1) % accepted.size()) + "}");
      assertThat(other.status()).as(other.body()).isEqualTo(200);
    }
  }

  @Test
  void tenJobRequestsAtOnceOnOneConnectionGiveOneJobAndNineConflicts() throws Exception {
    String manual = platform.call("POST", "/connections", "{" + pair + ",\"name\":\"manual\"}").get("connectionId").asText();
    List<CompletableFuture<HttpResponse<String>>> sent = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      sent.add(http.sendAsync(request("POST", "/api/public/v1/jobs", "{\"connectionId\":\"" + manual
          + "\",\"jobType\":\"sync\"}", "application/json"), HttpResponse.BodyHandlers.ofString()));
    }
    List<Reply> replies = sent.stream().map(CompletableFuture::join).map(ApiRefusalsIT::reply).toList();
    List<Reply> ok = replies.stream().filter(r -> r.status() == 200).toList();
    assertThat(ok).as(replies.toString()).hasSize(1);
    long jobId = ok.get(0).json().get("jobId").asLong();
    assertThat(replies).filteredOn(r -> r.status() != 200).hasSize(9).allSatisfy(r -> {
      assertProblem(r, 409);
      assertThat(r.json().get("detail").asText()).contains("Job " + jobId);
    });
    JsonNode done = awaitJob(jobId);
    assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("succeeded");
    assertThat(platform.call("GET", "/jobs?connectionId=" + manual, null).get("data")).singleElement()
        .satisfies(j -> assertThat(j.get("jobId").asLong()).isEqualTo(jobId));
    assertThat(platform.log("refusals")).doesNotContain("Duration is not valid").doesNotContain("Workflow task processing failure");
  }

  @Test
  void textPostgresCannotStoreIsRefusedNamingTheField() throws Exception {
    int sources = platform.call("GET", "/sources", null).get("data").size();
    int destinations = platform.call("GET", "/destinations", null).get("data").size();
    Reply name = call("POST", "/api/public/v1/sources", "{\"name\":\"fa\\u0000ker\",\"workspaceId\":\"" + workspace
        + "\",\"configuration\":{\"sourceType\":\"faker\",\"count\":10}}");
    assertProblem(name, 422);
    assertThat(name.errors()).containsExactly("name: contains a NUL character (\\u0000), which PostgreSQL cannot store");
    Reply value = call("POST", "/api/public/v1/destinations", "{\"name\":\"duck2\",\"workspaceId\":\"" + workspace
        + "\",\"configuration\":{\"destinationType\":\"duckdb\",\"destination_path\":\"/tmp/x\\u0000.duckdb\"}}");
    assertProblem(value, 422);
    assertThat(value.errors()).containsExactly(
        "configuration.destination_path: contains a NUL character (\\u0000), which PostgreSQL cannot store");
    String connection = platform.call("POST", "/connections", "{" + pair + ",\"name\":\"named\"}").get("connectionId").asText();
    Reply connectionName = call("PATCH", "/api/public/v1/connections/" + connection, "{\"name\":\"m\\u0000\"}");
    assertProblem(connectionName, 422);
    assertThat(connectionName.errors()).singleElement().asString().startsWith("name: contains a NUL");
    assertThat(platform.call("GET", "/connections/" + connection, null).get("name").asText()).isEqualTo("named");
    assertThat(platform.call("GET", "/sources", null).get("data")).hasSize(sources);
    assertThat(platform.call("GET", "/destinations", null).get("data")).hasSize(destinations);
    assertThat(platform.log("refusals")).doesNotContain("invalid byte sequence");
  }

  @Test
  void everyErrorBodyIsProblemJson() throws Exception {
    assertProblem(call("GET", "/api/public/v1/no-such-thing", null), 404);
    assertProblem(call("GET", "/api/public/v1/jobs/999999", null), 404);
    assertProblem(call("PUT", "/api/public/v1/workspaces", "{}"), 405);
    assertProblem(call("POST", "/api/public/v1/workspaces", "name", "text/plain"), 415);
    assertProblem(call("GET", "/api//public/v1/workspaces", null), 400);
    assertProblem(call("GET", "/api/public/v1/a%2Fb", null), 400);
    assertProblem(call("GET", "/error", null), 404);
  }

  private static String basic(String timing) {
    return "{\"scheduleType\":\"basic\",\"basicTiming\":\"" + timing + "\"}";
  }

  private static String cron(String expression) {
    return "{\"scheduleType\":\"cron\",\"cronExpression\":\"" + expression + "\"}";
  }

  private Reply preview(String type, String cronExpression, String basicTiming) throws Exception {
    return call("GET", "/api/v1/schedule_preview?scheduleType=" + type
        + (cronExpression == null ? "" : "&cronExpression=" + URLEncoder.encode(cronExpression, StandardCharsets.UTF_8))
        + (basicTiming == null ? "" : "&basicTiming=" + URLEncoder.encode(basicTiming, StandardCharsets.UTF_8)), null);
  }

  private JsonNode awaitJob(long jobId) throws Exception {
    long deadline = System.currentTimeMillis() + 180_000;
    while (true) {
      JsonNode job = platform.call("GET", "/jobs/" + jobId, null);
      if (List.of("succeeded", "failed", "cancelled").contains(job.get("status").asText()) || System.currentTimeMillis() > deadline) {
        return job;
      }
      Thread.sleep(500);
    }
  }

  private static void assertProblem(Reply reply, int status) {
    assertThat(reply.status()).as(reply.body()).isEqualTo(status);
    assertThat(reply.contentType()).as(reply.body()).startsWith("application/problem+json");
    assertThat(reply.json()).as(reply.body()).isNotNull();
    assertThat(reply.json().get("status").asInt()).isEqualTo(status);
    assertThat(reply.json().get("title").asText()).isNotBlank();
  }

  private HttpRequest request(String method, String path, String body, String contentType) {
    return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
        .header("Content-Type", contentType)
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("airbyte:" + RunningPlatform.PASSWORD)
            .getBytes(StandardCharsets.UTF_8)))
        .build();
  }

  private static Reply reply(HttpResponse<String> response) {
    JsonNode json = null;
    try {
      json = response.body().isBlank() ? null : Jsons.deserialize(response.body());
    } catch (RuntimeException notJson) {
      // kept as the body
    }
    return new Reply(response.statusCode(), json, response.body(), response.headers().firstValue("Content-Type").orElse(""));
  }

  private Reply call(String method, String path, String body) throws Exception {
    return call(method, path, body, "application/json");
  }

  private Reply call(String method, String path, String body, String contentType) throws Exception {
    return reply(http.send(request(method, path, body, contentType), HttpResponse.BodyHandlers.ofString()));
  }
}
