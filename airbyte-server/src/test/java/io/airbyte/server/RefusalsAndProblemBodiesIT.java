package io.airbyte.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.airbyte.contract.connection.NamespaceDefinition;
import io.airbyte.contract.connector.ActorType;
import io.airbyte.contract.connector.ConnectorDefinition;
import io.airbyte.contract.connector.ConnectorRuntime.BuiltInJar;
import io.airbyte.contract.schedule.Schedule;
import io.airbyte.db.actor.ActorRepository;
import io.airbyte.db.connection.Connection;
import io.airbyte.db.connection.ConnectionRepository;
import io.airbyte.db.definition.DefinitionRepository;
import io.airbyte.db.job.JobRepository;
import io.airbyte.db.workspace.WorkspaceRepository;
import io.airbyte.protocol.json.Jsons;
import io.airbyte.protocol.models.ConfiguredAirbyteCatalog;
import io.airbyte.server.config.PlatformBeans.PlatformEnvironment;
import io.temporal.client.WorkflowClient;
import io.temporal.testing.TestWorkflowEnvironment;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the server refuses, over HTTP on its real Tomcat, a real database and Temporal's test server
 * with the scheduler's workflows: schedules it does not run (on create and update, as the schedule
 * preview), a second job of a connection asked for at the same time, text PostgreSQL cannot store;
 * and every error body is problem+json, whatever answers it (a controller, Spring, the security
 * firewall, Tomcat).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RefusalsAndProblemBodiesIT {

  static final TestWorkflowEnvironment TEMPORAL = TestWorkflowEnvironment.newInstance();
  static final String PROBLEM_JSON = "application/problem+json";

  @TestConfiguration
  @Import(Failing.class)
  static class Host {
    @Bean
    PlatformEnvironment platformEnvironment() {
      return ApiTestSupport.environment();
    }

    @Bean
    WorkflowClient workflowClient() {
      return TEMPORAL.getWorkflowClient();
    }
  }

  /** An endpoint of this test only: a bug that throws, as one would in any controller. */
  @RestController
  static class Failing {
    @GetMapping("/api/v1/test-only/failing")
    String fail() {
      throw new IllegalStateException("a bug with internal details");
    }
  }

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    ApiTestSupport.database(registry);
  }

  @BeforeAll
  static void scheduler() {
    // the connection workflows on the scheduler's queue, with their real job activities; no connector
    // worker: a job's attempt waits, so the job stays unfinished while the requests race
    var ds = ApiTestSupport.DB.dataSource();
    io.airbyte.db.MetadataDatabase.migrate(ds);
    io.airbyte.scheduler.SchedulerWorkers.register(TEMPORAL.getWorkerFactory(), "CONNECTION_UPDATER",
        new io.airbyte.scheduler.job.JobActivitiesImpl(new ConnectionRepository(ds), new JobRepository(ds), 3,
            io.airbyte.contract.job.RetrySettings.defaults()));
    TEMPORAL.start();
  }

  @AfterAll
  static void stop() {
    TEMPORAL.close();
  }

  @LocalServerPort
  int port;
  @Autowired
  DefinitionRepository definitions;
  @Autowired
  ActorRepository actors;
  @Autowired
  ConnectionRepository connections;
  @Autowired
  JobRepository jobs;
  @Autowired
  WorkspaceRepository workspaces;

  private final HttpClient http = HttpClient.newHttpClient();

  record Reply(int status, JsonNode json, String body, String contentType) {
    List<String> errors() {
      List<String> errors = new ArrayList<>();
      if (json != null && json.has("errors")) {
        json.get("errors").forEach(e -> errors.add(e.asText()));
      }
      return errors;
    }
  }

  private HttpRequest request(String method, String path, String body, String contentType) {
    return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
        .header("Content-Type", contentType)
        .header("Authorization", PublicApiIT.admin())
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

  private static void assertProblem(Reply reply, int status) {
    assertThat(reply.status()).as(reply.body()).isEqualTo(status);
    assertThat(reply.contentType()).as(reply.body()).startsWith(PROBLEM_JSON);
    assertThat(reply.json()).as(reply.body()).isNotNull();
    assertThat(reply.json().get("status").asInt()).isEqualTo(status);
    assertThat(reply.json().get("title").asText()).isNotBlank();
    assertThat(reply.body()).doesNotContain("timestamp");
  }

  /** A connection in the database as the API would have made it (no discover needed: no connector runs here). */
  private UUID connection() {
    UUID workspace = workspaces.ensureDefault().id();
    UUID definition = definitions.registerBuiltIn(new ConnectorDefinition(UUID.fromString("dfd88b22-b603-4c3d-aad7-3701784586b1"),
        ActorType.SOURCE, "Faker", "dev", null, Jsons.object(), "0.2.0", true, null, null, new BuiltInJar("source-faker"))).id();
    UUID source = actors.create(workspace, definition, ActorType.SOURCE, "s", Jsons.object()).id();
    UUID destination = actors.create(workspace, definition, ActorType.DESTINATION, "d", Jsons.object()).id();
    return connections.create(new Connection(null, source, destination, "c", new ConfiguredAirbyteCatalog().withStreams(List.of()),
        NamespaceDefinition.DESTINATION, null, "", Schedule.manual(), "ignore", "active", null, null, null)).id();
  }

  private static String basic(String timing) {
    return "{\"scheduleType\":\"basic\",\"basicTiming\":\"" + timing + "\"}";
  }

  private static String cron(String expression) {
    return "{\"scheduleType\":\"cron\",\"cronExpression\":\"" + expression + "\"}";
  }

  @ParameterizedTest
  @ValueSource(strings = {"Every 0 hours", "Every 99999999999 hours", "Every 400 days", "Every 13 months"})
  void basicSchedulesOutsideOneMinuteToOneYearAreRefusedOnCreateAndUpdate(String timing) throws Exception {
    UUID connection = connection();
    Connection c = connections.get(connection);
    Reply created = call("POST", "/api/public/v1/connections", "{\"sourceId\":\"" + c.sourceId() + "\",\"destinationId\":\""
        + c.destinationId() + "\",\"schedule\":" + basic(timing) + "}");
    assertProblem(created, 422);
    assertThat(created.errors()).singleElement().asString().startsWith("schedule.basicTiming: '" + timing + "'");

    Reply updated = call("PATCH", "/api/public/v1/connections/" + connection, "{\"schedule\":" + basic(timing) + "}");
    assertProblem(updated, 422);
    assertThat(updated.errors()).singleElement().asString().startsWith("schedule.basicTiming: '" + timing + "'");
    assertThat(connections.get(connection).schedule().type()).as("nothing stored").isEqualTo("manual");

    Reply preview = call("GET", "/api/v1/schedule_preview?scheduleType=basic&basicTiming="
        + URLEncoder.encode(timing, StandardCharsets.UTF_8), null);
    assertProblem(preview, 422);
    assertThat(preview.errors()).isEqualTo(updated.errors());
  }

  @ParameterizedTest
  @ValueSource(strings = {"* * * * * ?", "0/30 * * * * ?"})
  void cronsFiringMoreOftenThanOnceAMinuteAreRefusedOnCreateAndUpdate(String expression) throws Exception {
    UUID connection = connection();
    Connection c = connections.get(connection);
    Reply created = call("POST", "/api/public/v1/connections", "{\"sourceId\":\"" + c.sourceId() + "\",\"destinationId\":\""
        + c.destinationId() + "\",\"schedule\":" + cron(expression) + "}");
    assertProblem(created, 422);
    assertThat(created.errors()).singleElement().asString().startsWith("schedule.cronExpression: ")
        .contains("more often than once a minute");

    Reply updated = call("PATCH", "/api/public/v1/connections/" + connection, "{\"schedule\":" + cron(expression) + "}");
    assertProblem(updated, 422);
    assertThat(updated.errors()).isEqualTo(created.errors());
    Reply preview = call("GET", "/api/v1/schedule_preview?scheduleType=cron&cronExpression="
        + URLEncoder.encode(expression, StandardCharsets.UTF_8), null);
    assertThat(preview.errors()).isEqualTo(created.errors());
  }

  @Test
  void borderlineSchedulesAreAccepted() throws Exception {
    UUID connection = connection();
    for (String schedule : List.of(basic("Every 1 minutes"), basic("Every 12 months"), cron("0 * * * * ?"))) {
      Reply updated = call("PATCH", "/api/public/v1/connections/" + connection, "{\"schedule\":" + schedule + ",\"status\":\"inactive\"}");
      assertThat(updated.status()).as(updated.body()).isEqualTo(200);
      assertThat(updated.json().get("schedule")).isEqualTo(Jsons.deserialize(schedule));
    }
  }

  @Test
  void tenJobRequestsAtOnceGiveOneJobAndNineConflicts() throws Exception {
    UUID connection = connection();
    List<CompletableFuture<HttpResponse<String>>> sent = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      sent.add(http.sendAsync(request("POST", "/api/public/v1/jobs", "{\"connectionId\":\"" + connection
          + "\",\"jobType\":\"sync\"}", "application/json"), HttpResponse.BodyHandlers.ofString()));
    }
    List<Reply> replies = sent.stream().map(CompletableFuture::join).map(RefusalsAndProblemBodiesIT::reply).toList();

    List<Reply> ok = replies.stream().filter(r -> r.status() == 200).toList();
    assertThat(ok).as(replies.toString()).hasSize(1);
    long jobId = ok.get(0).json().get("jobId").asLong();
    assertThat(replies).filteredOn(r -> r.status() != 200).hasSize(9).allSatisfy(r -> {
      assertProblem(r, 409);
      assertThat(r.json().get("detail").asText()).contains("Job " + jobId);
    });
    assertThat(jobs.list(connection, null, null, 100, 0)).singleElement().satisfies(j -> assertThat(j.id()).isEqualTo(jobId));
  }

  @Test
  void textPostgresCannotStoreIsRefusedNamingTheField() throws Exception {
    UUID workspace = workspaces.ensureDefault().id();
    Reply workspaceName = call("POST", "/api/public/v1/workspaces", "{\"name\":\"shop\\u0000\"}");
    assertProblem(workspaceName, 422);
    assertThat(workspaceName.errors()).containsExactly("name: contains a NUL character (\\u0000), which PostgreSQL cannot store");

    Reply source = call("POST", "/api/public/v1/sources", "{\"name\":\"pg\",\"workspaceId\":\"" + workspace
        + "\",\"configuration\":{\"sourceType\":\"postgres\",\"host\":\"db\\u0000.local\",\"ssl_mode\":{\"mode\":\"x\\u0000\"}}}");
    assertProblem(source, 422);
    assertThat(source.errors()).containsExactly(
        "configuration.host: contains a NUL character (\\u0000), which PostgreSQL cannot store",
        "configuration.ssl_mode.mode: contains a NUL character (\\u0000), which PostgreSQL cannot store");

    UUID connection = connection();
    Reply patched = call("PATCH", "/api/public/v1/connections/" + connection, "{\"name\":\"c\\u0000\",\"prefix\":\"p\\u0000\","
        + "\"namespaceFormat\":\"${SOURCE_NAMESPACE}\\u0000\",\"configurations\":{\"streams\":[{\"name\":\"users\\u0000\"}]}}");
    assertProblem(patched, 422);
    assertThat(patched.errors()).extracting(e -> e.substring(0, e.indexOf(':')))
        .containsExactly("name", "prefix", "namespaceFormat", "configurations.streams[0].name");
    assertThat(connections.get(connection).name()).isEqualTo("c");

    Reply application = call("POST", "/api/public/v1/applications", "{\"name\":\"\\u0000\"}");
    assertProblem(application, 422);
    assertThat(application.errors()).singleElement().asString().startsWith("name: ");

    Reply query = call("GET", "/api/v1/schedule_preview?scheduleType=cron&cronExpression=%00", null);
    assertProblem(query, 422);
    assertThat(query.errors()).singleElement().asString().startsWith("cronExpression: contains a NUL");
  }

  @Test
  void everyErrorBodyIsProblemJson() throws Exception {
    assertProblem(call("GET", "/api/public/v1/no-such-thing", null), 404);
    assertProblem(call("GET", "/no-such-page", null), 404);
    assertProblem(call("PUT", "/api/public/v1/workspaces", "{}"), 405);
    assertProblem(call("POST", "/api/public/v1/workspaces", "name", "text/plain"), 415);
    assertProblem(call("POST", "/api/public/v1/workspaces", "{\"name\":", "application/json"), 400);
    // rejected by the security firewall, before any controller
    assertProblem(call("GET", "/api//public/v1/workspaces", null), 400);
    assertProblem(call("GET", "/api/public/v1/workspaces;jsessionid=1", null), 400);
    // rejected by Tomcat itself, before any servlet
    assertProblem(call("GET", "/api/public/v1/a%2Fb", null), 400);
    assertProblem(call("GET", "/api/public/v1/workspaces/%00", null), 400);
    assertProblem(call("GET", "/error", null), 404);
    // a bug: 500, its details in the log, not in the answer
    Reply failing = call("GET", "/api/v1/test-only/failing", null);
    assertProblem(failing, 500);
    assertThat(failing.body()).doesNotContain("internal details").doesNotContain("IllegalStateException");
  }
}
