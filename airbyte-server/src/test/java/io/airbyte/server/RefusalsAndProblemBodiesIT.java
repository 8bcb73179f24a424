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

  private UUID workspaceOf(UUID connection) {
    return actors.get(ActorType.SOURCE, connections.get(connection).sourceId()).workspaceId();
  }

  @Test
  void malformedBodiesAre400NamingThePositionOrTheField() throws Exception {
    Reply truncated = call("POST", "/api/public/v1/workspaces", "{\"name\": ");
    assertProblem(truncated, 400);
    assertThat(truncated.json().get("line").asInt()).isEqualTo(1);
    assertThat(truncated.json().get("column").asInt()).isPositive();
    assertThat(truncated.errors()).singleElement().asString().startsWith("body: not valid JSON at line 1, column ");

    Reply trailingComma = call("POST", "/api/public/v1/workspaces", "{\n  \"name\": \"x\",\n}");
    assertProblem(trailingComma, 400);
    assertThat(trailingComma.json().get("line").asInt()).isEqualTo(3);
    assertThat(trailingComma.errors()).singleElement().asString().startsWith("body: not valid JSON at line 3, column 1: ");

    for (String missing : List.of("", "null")) {
      Reply reply = call("POST", "/api/public/v1/workspaces", missing);
      assertProblem(reply, 400);
      assertThat(reply.errors()).as("body '" + missing + "'").containsExactly("body: required, a JSON object");
      assertThat(reply.json().get("pointer").asText()).isEmpty();
    }
    Reply array = call("POST", "/api/public/v1/connections", "[]");
    assertProblem(array, 400);
    assertThat(array.errors()).containsExactly("body: must be a JSON object");

    Reply uuid = call("POST", "/api/public/v1/sources", "{\"name\":\"s\",\"workspaceId\":\"not-a-uuid\",\"configuration\":{}}");
    assertProblem(uuid, 400);
    assertThat(uuid.errors()).containsExactly("workspaceId: 'not-a-uuid' is not a UUID");
    assertThat(uuid.json().get("pointer").asText()).isEqualTo("/workspaceId");

    Reply nested = call("POST", "/api/public/v1/connections", "{\"configurations\":{\"streams\":[{\"name\":\"a\"},{\"cursorField\":7}]}}");
    assertProblem(nested, 400);
    assertThat(nested.errors()).containsExactly("configurations.streams[1].cursorField: expected an array");
    assertThat(nested.json().get("pointer").asText()).isEqualTo("/configurations/streams/1/cursorField");
    for (Reply r : List.of(truncated, trailingComma, array, uuid, nested)) {
      assertThat(r.body()).doesNotContain("io.airbyte").doesNotContain("java.").doesNotContain("Source: ");
    }
  }

  @Test
  void jobListParametersAreRefusedNamingTheParameterAndApplied() throws Exception {
    Reply status = call("GET", "/api/public/v1/jobs?status=bogus", null);
    assertProblem(status, 400);
    assertThat(status.errors()).containsExactly("status: 'bogus' is not one of pending, running, incomplete, failed, succeeded, cancelled");
    assertThat(status.body()).doesNotContain("io.airbyte").doesNotContain("enum constant");
    Reply orderBy = call("GET", "/api/public/v1/jobs?orderBy=bogus", null);
    assertProblem(orderBy, 400);
    assertThat(orderBy.errors()).containsExactly("orderBy: 'bogus' is not one of createdAt|ASC, createdAt|DESC, updatedAt|ASC or updatedAt|DESC");
    Reply createdAt = call("GET", "/api/public/v1/jobs?createdAtStart=yesterday", null);
    assertProblem(createdAt, 400);
    assertThat(createdAt.errors()).singleElement().asString().startsWith("createdAtStart: 'yesterday' is not a date-time");
    Reply connectionId = call("GET", "/api/public/v1/jobs?connectionId=nope&limit=x", null);
    assertProblem(connectionId, 400);
    assertThat(connectionId.errors()).singleElement().asString().matches("(connectionId: 'nope' is not a UUID|limit: 'x' is not an integer)");
    assertThat(connectionId.body()).doesNotContain("java.");

    UUID connection = connection();
    long first = jobs.createUnlessUnfinished(connection, io.airbyte.contract.job.JobType.SYNC, null).orElseThrow().id();
    jobs.cancelIfPending(first);
    long second = jobs.createUnlessUnfinished(connection, io.airbyte.contract.job.JobType.SYNC, null).orElseThrow().id();
    String of = "/api/public/v1/jobs?connectionId=" + connection;
    assertThat(ids(call("GET", of + "&orderBy=createdAt%7CASC", null))).containsExactly(first, second);
    assertThat(ids(call("GET", of + "&orderBy=createdAt%7CDESC", null))).containsExactly(second, first);
    assertThat(ids(call("GET", of + "&status=cancelled", null))).containsExactly(first);
    assertThat(ids(call("GET", of + "&createdAtStart=2999-01-01T00:00:00Z", null))).isEmpty();
    assertThat(ids(call("GET", of + "&createdAtEnd=2999-01-01T00:00:00Z&createdAtStart=2000-01-01T00:00:00Z", null)))
        .containsExactlyInAnyOrder(first, second);
    assertThat(ids(call("GET", "/api/public/v1/jobs?workspaceIds=" + UUID.randomUUID(), null))).isEmpty();
    jobs.cancelIfPending(second);
  }

  private static List<Long> ids(Reply page) {
    assertThat(page.status()).as(page.body()).isEqualTo(200);
    List<Long> ids = new ArrayList<>();
    page.json().get("data").forEach(j -> ids.add(j.get("jobId").asLong()));
    return ids;
  }

  @Test
  void namesMustNotBeEmptyNorLongerThan256OnCreateAndUpdate() throws Exception {
    Reply huge = call("POST", "/api/public/v1/workspaces", "{\"name\":\"" + "x".repeat(5 * 1024 * 1024) + "\"}");
    assertProblem(huge, 422);
    assertThat(huge.errors()).containsExactly("name: 5242880 characters, at most 256");
    assertProblem(call("POST", "/api/public/v1/workspaces", "{\"name\":\"" + "é".repeat(257) + "\"}"), 422);
    Reply longest = call("POST", "/api/public/v1/workspaces", "{\"name\":\"" + "é".repeat(256) + "\"}");
    assertThat(longest.status()).as(longest.body()).isEqualTo(200);

    UUID connection = connection();
    for (String blank : List.of("", "   ")) {
      Reply patched = call("PATCH", "/api/public/v1/connections/" + connection, "{\"name\":\"" + blank + "\"}");
      assertProblem(patched, 422);
      assertThat(patched.errors()).containsExactly("name: must not be empty");
      Connection c = connections.get(connection);
      Reply created = call("POST", "/api/public/v1/connections", "{\"name\":\"" + blank + "\",\"sourceId\":\"" + c.sourceId()
          + "\",\"destinationId\":\"" + c.destinationId() + "\"}");
      assertProblem(created, 422);
      assertThat(created.errors()).isEqualTo(patched.errors());
      Reply source = call("PATCH", "/api/public/v1/sources/" + c.sourceId(), "{\"name\":\"" + blank + "\"}");
      assertProblem(source, 422);
      assertThat(source.errors()).isEqualTo(patched.errors());
    }
    assertProblem(call("PATCH", "/api/public/v1/connections/" + connection, "{\"name\":\"" + "n".repeat(257) + "\"}"), 422);
    assertThat(connections.get(connection).name()).isEqualTo("c");
  }

  @Test
  void aDeletedWorkspaceTakesItsSourcesDestinationsAndConnectionsWithIt() throws Exception {
    UUID connection = connection();
    Connection c = connections.get(connection);
    UUID other = workspaces.create("other", null).id();
    UUID workspace = workspaceOf(connection);
    UUID kept = actors.create(other, c.sourceId() == null ? null : actors.get(ActorType.SOURCE, c.sourceId()).definitionId(),
        ActorType.SOURCE, "kept", Jsons.object()).id();
    // a workspace of its own for the doomed resources, so that the default one stays for the other tests
    UUID doomed = workspaces.create("doomed", null).id();
    UUID definition = actors.get(ActorType.SOURCE, c.sourceId()).definitionId();
    UUID source = actors.create(doomed, definition, ActorType.SOURCE, "s", Jsons.object()).id();
    UUID destination = actors.create(doomed, definition, ActorType.DESTINATION, "d", Jsons.object()).id();
    UUID doomedConnection = connections.create(new Connection(null, source, destination, "c",
        new ConfiguredAirbyteCatalog().withStreams(List.of()), NamespaceDefinition.DESTINATION, null, "", Schedule.manual(),
        "ignore", "active", null, null, null)).id();

    Reply deleted = call("DELETE", "/api/public/v1/workspaces/" + doomed, null);
    assertThat(deleted.status()).as(deleted.body()).isEqualTo(204);

    assertThat(call("GET", "/api/public/v1/sources?workspaceIds=" + doomed, null).json().get("data")).isEmpty();
    assertThat(call("GET", "/api/public/v1/destinations?workspaceIds=" + doomed, null).json().get("data")).isEmpty();
    assertThat(call("GET", "/api/public/v1/connections?workspaceIds=" + doomed, null).json().get("data")).isEmpty();
    assertProblem(call("GET", "/api/public/v1/connections/" + doomedConnection, null), 404);
    assertThat(connections.find(doomedConnection).orElseThrow().status()).isEqualTo("deprecated");
    Reply job = call("POST", "/api/public/v1/jobs", "{\"connectionId\":\"" + doomedConnection + "\"}");
    assertProblem(job, 404);
    assertThat(jobs.list(doomedConnection, null, null, 10, 0)).as("a deleted workspace's connection never runs").isEmpty();
    assertProblem(call("DELETE", "/api/public/v1/workspaces/" + doomed, null), 404);
    // the others are untouched
    assertThat(call("GET", "/api/public/v1/sources/" + kept, null).status()).isEqualTo(200);
    assertThat(call("GET", "/api/public/v1/connections/" + connection, null).status()).isEqualTo(200);
    assertThat(workspace).isNotEqualTo(doomed);
  }

  @Test
  void aMultipartContentTypeOnAGetIsNoServerError() throws Exception {
    Reply reply = call("GET", "/api/public/v1/workspaces", null, "multipart/form-data");
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    assertProblem(call("POST", "/api/public/v1/workspaces", "x", "multipart/form-data"), 415);
  }

  @Test
  void aQueryParameterNameWithControlCharactersIsA400NamingItNoServerError() throws Exception {
    // found by the fuzzer: Spring Security's firewall refused the name and the refusal was answered as a 500
    Reply reply = call("GET", "/api/public/v1/jobs?Cu%C2%99%12=true", null);
    assertProblem(reply, 400);
    assertThat(reply.errors()).singleElement().asString().startsWith("query: ").contains("parameter name");
  }

  @Test
  void emptyHostDatabaseAndUsernameAreRefusedByTheSpecs() throws Exception {
    ApiTestSupport.registerPostgres(definitions);
    UUID workspace = workspaces.ensureDefault().id();
    for (String type : List.of("sources", "destinations")) {
      String key = type.equals("sources") ? "sourceType" : "destinationType";
      Reply reply = call("POST", "/api/public/v1/" + type, "{\"name\":\"pg\",\"workspaceId\":\"" + workspace
          + "\",\"configuration\":{\"" + key + "\":\"postgres\",\"host\":\"\",\"port\":5432,\"database\":\"\","
          + "\"schema\":\"public\",\"username\":\"\"}}");
      assertProblem(reply, 422);
      assertThat(reply.errors()).as(type).extracting(e -> e.substring(0, e.indexOf(':')))
          .containsExactlyInAnyOrder("configuration.host", "configuration.database", "configuration.username");
    }
  }
}
