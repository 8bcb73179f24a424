package io.airbyte.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.airbyte.contract.connector.ActorType;
import io.airbyte.db.actor.ActorRepository;
import io.airbyte.db.definition.DefinitionRepository;
import io.airbyte.db.secret.SecretSplitter;
import io.airbyte.protocol.json.Jsons;
import io.airbyte.server.actor.ActorService;
import io.airbyte.server.config.PlatformBeans.PlatformEnvironment;
import io.airbyte.testsupport.python.PythonPins;
import io.temporal.client.WorkflowClient;
import io.temporal.testing.TestWorkflowEnvironment;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The public API over HTTP against a real database: auth, workspaces, sources and destinations, errors, secrets. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@org.junit.jupiter.api.extension.ExtendWith(org.springframework.boot.test.system.OutputCaptureExtension.class)
@org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability
class PublicApiIT {

  static final TestWorkflowEnvironment TEMPORAL = TestWorkflowEnvironment.newInstance();

  @TestConfiguration
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

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    ApiTestSupport.database(registry);
  }

  @LocalServerPort
  int port;
  @Autowired
  DefinitionRepository definitions;
  @Autowired
  ActorRepository actors;
  @Autowired
  SecretSplitter secrets;

  private final HttpClient http = HttpClient.newHttpClient();
  private final List<String> bodies = new ArrayList<>();

  @BeforeAll
  static void start() {
    // the scheduler and a worker with local connectors, on the same database, as the platform runs them
    var ds = ApiTestSupport.DB.dataSource();
    io.airbyte.db.MetadataDatabase.migrate(ds);
    var connections = new io.airbyte.db.connection.ConnectionRepository(ds);
    var jobs = new io.airbyte.db.job.JobRepository(ds);
    var actorRepository = new ActorRepository(ds);
    var definitionRepository = new DefinitionRepository(ds);
    var secretSplitter = new SecretSplitter(new io.airbyte.db.secret.SecretRepository(ds,
        io.airbyte.db.secret.SecretCipher.fromEnvironment(ApiTestSupport.environment().values())));
    var jars = ApiTestSupport.jars();
    // an image of a custom definition runs as our faker jar
    // Python packages install into the tests' shared cache of environments
    var pythons = new io.airbyte.worker.process.PythonEnvironments(PythonPins.CACHE, null);
    var processes = new DockerStandIn(jars, pythons, java.util.Map.of(
        new io.airbyte.contract.connector.ConnectorRuntime.DockerImage("acme/source-faker", "dev"),
        new io.airbyte.contract.connector.ConnectorRuntime.BuiltInJar("source-faker")));
    var directories = new io.airbyte.worker.process.JobDirectories(ApiTestSupport.HOME.resolve("workspace"));
    var connectors = new io.airbyte.worker.connector.ConnectorActivitiesImpl(processes, directories,
        java.time.Duration.ofMinutes(2), java.time.Clock.systemUTC());
    var state = new io.airbyte.worker.state.DatabaseStatePersistence(new io.airbyte.db.state.StateRepository(ds));
    var inputs = new io.airbyte.worker.sync.AttemptInputs(connections, actorRepository, definitionRepository, secretSplitter,
        new io.airbyte.db.state.StreamGenerationRepository(ds), state);
    var replication = new io.airbyte.worker.replication.ReplicationWorker(processes, state,
        io.airbyte.worker.replication.ReplicationSettings.defaults(), directories, java.time.Clock.systemUTC());
    io.airbyte.scheduler.SchedulerWorkers.register(TEMPORAL.getWorkerFactory(), "CONNECTION_UPDATER",
        new io.airbyte.scheduler.job.JobActivitiesImpl(connections, jobs, 3,
            io.airbyte.contract.job.RetrySettings.defaults()));
    io.airbyte.worker.sync.SyncWorkers.register(TEMPORAL.getWorkerFactory(), "SYNC",
        new io.airbyte.worker.sync.SyncActivitiesImpl(inputs, connectors, replication, jobs, java.time.Duration.ofMillis(500),
            "api-it-worker"), 4,
        new io.airbyte.worker.sync.ConnectorCommandActivitiesImpl(connectors, actorRepository, secretSplitter,
            new io.airbyte.worker.manifest.ManifestTools(pythons,
                new io.airbyte.worker.process.JobDirectories(ApiTestSupport.HOME.resolve("manifests")), java.time.Duration.ofMinutes(5))));
    TEMPORAL.start();
  }

  @AfterAll
  static void stop() {
    TEMPORAL.close();
  }

  record Reply(int status, JsonNode json, String body, String contentType) {}

  Reply call(String method, String path, String body, String authorization) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
        .header("Content-Type", "application/json");
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    bodies.add(response.body());
    JsonNode json = null;
    try {
      json = response.body().isBlank() ? null : Jsons.deserialize(response.body());
    } catch (RuntimeException ignored) {
      // not JSON
    }
    return new Reply(response.statusCode(), json, response.body(), response.headers().firstValue("Content-Type").orElse(""));
  }

  static String admin() {
    return "Basic " + Base64.getEncoder().encodeToString(("airbyte:" + ApiTestSupport.ADMIN_PASSWORD)
        .getBytes(StandardCharsets.UTF_8));
  }

  Reply admin(String method, String path, String body) throws Exception {
    return call(method, path, body, admin());
  }

  @Test
  void healthIsOpenEverythingElseNeedsCredentials() throws Exception {
    assertThat(call("GET", "/api/public/v1/health", null, null).status()).isEqualTo(200);
    Reply anonymous = call("GET", "/api/public/v1/workspaces", null, null);
    assertThat(anonymous.status()).isEqualTo(401);
    assertThat(anonymous.contentType()).contains("application/problem+json");
    assertThat(call("GET", "/api/public/v1/workspaces", null, "Basic " + Base64.getEncoder().encodeToString(
        "airbyte:wrong".getBytes(StandardCharsets.UTF_8))).status()).isEqualTo(401);
    assertThat(call("GET", "/api/public/v1/workspaces", null, "Bearer not-a-token").status()).isEqualTo(401);
    assertThat(admin("GET", "/api/public/v1/workspaces", null).json().get("data").findValuesAsText("name"))
        .contains("Default Workspace");
    assertThat(call("GET", "/v3/api-docs", null, null).json().get("paths").has("/api/public/v1/sources")).isTrue();
    assertThat(admin("GET", "/actuator/prometheus", null).status()).isEqualTo(200);
  }

  @Test
  void applicationsGetTokensThatAuthenticate() throws Exception {
    Reply app = admin("POST", "/api/public/v1/applications", "{\"name\":\"terraform\"}");
    String clientId = app.json().get("clientId").asText();
    String clientSecret = app.json().get("clientSecret").asText();
    assertThat(admin("GET", "/api/public/v1/applications", null).body()).contains(clientId).doesNotContain(clientSecret);

    Reply token = call("POST", "/api/public/v1/applications/token", "{\"client_id\":\"" + clientId + "\",\"client_secret\":\""
        + clientSecret + "\",\"grant-type\":\"client_credentials\"}", null);
    assertThat(token.status()).isEqualTo(200);
    assertThat(token.json().get("token_type").asText()).isEqualTo("Bearer");
    assertThat(token.json().get("expires_in").asLong()).isEqualTo(900); // 15 minutes
    String bearer = "Bearer " + token.json().get("access_token").asText();
    assertThat(call("GET", "/api/public/v1/workspaces", null, bearer).status()).isEqualTo(200);

    assertThat(call("POST", "/api/public/v1/applications/token", "{\"client_id\":\"" + clientId
        + "\",\"client_secret\":\"nope\",\"grant-type\":\"client_credentials\"}", null).status()).isEqualTo(401);
    admin("DELETE", "/api/public/v1/applications/" + app.json().get("id").asText(), null);
    assertThat(call("POST", "/api/public/v1/applications/token", "{\"client_id\":\"" + clientId + "\",\"client_secret\":\""
        + clientSecret + "\",\"grant-type\":\"client_credentials\"}", null).status()).isEqualTo(401);
  }

  @Test
  void workspacesLifecycle() throws Exception {
    Reply created = admin("POST", "/api/public/v1/workspaces", "{\"name\":\"analytics\"}");
    String id = created.json().get("workspaceId").asText();
    assertThat(admin("GET", "/api/public/v1/workspaces/" + id, null).json().get("name").asText()).isEqualTo("analytics");
    assertThat(admin("PATCH", "/api/public/v1/workspaces/" + id, "{\"name\":\"bi\"}").json().get("name").asText()).isEqualTo("bi");
    assertThat(admin("POST", "/api/public/v1/workspaces", "{}").status()).isEqualTo(422);
    Reply missing = admin("GET", "/api/public/v1/workspaces/" + UUID.randomUUID(), null);
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.contentType()).contains("application/problem+json");
    assertThat(admin("GET", "/api/public/v1/workspaces?limit=1", null).json().get("next").asText()).contains("offset=1");
  }

  @Test
  void customDefinitionsAreAddedWithTheSpecTheirImageGives() throws Exception {
    Reply incomplete = admin("POST", "/api/v1/definitions", "{\"type\":\"source\",\"dockerRepository\":\"acme/source-x\"}");
    assertThat(incomplete.status()).isEqualTo(422);
    assertThat(incomplete.body()).contains("name: required").contains("dockerImageTag: required");
    Reply unknown = admin("POST", "/api/v1/definitions",
        "{\"type\":\"source\",\"name\":\"X\",\"dockerRepository\":\"acme/source-x\",\"dockerImageTag\":\"1.0\"}");
    assertThat(unknown.status()).as(unknown.body()).isEqualTo(422);
    assertThat(unknown.body()).contains("dockerRepository: acme/source-x:1.0 did not give a spec");

    // an image the worker can run (here the faker connector as a local process) becomes a custom definition
    Reply created = admin("POST", "/api/v1/definitions",
        "{\"type\":\"source\",\"name\":\"My faker\",\"dockerRepository\":\"acme/source-faker\",\"dockerImageTag\":\"dev\"}");
    assertThat(created.status()).as(created.body()).isEqualTo(200);
    assertThat(created.json().get("builtIn").asBoolean()).isFalse();
    assertThat(created.json().at("/spec/connectionSpecification/properties/count").isObject()).isTrue();
    String id = created.json().get("definitionId").asText();
    assertThat(admin("GET", "/api/v1/definitions?type=source", null).body()).contains(id);
    assertThat(admin("DELETE", "/api/v1/definitions/" + id, null).status()).isEqualTo(204);
    assertThat(admin("GET", "/api/v1/definitions?type=source", null).body()).doesNotContain(id);
  }

  @Test
  void airbytesSourceFakerFromPypiBecomesADefinitionOfTheWorkspaceInAirbytesShapesAndChecks() throws Exception {
    String workspace = admin("GET", "/api/public/v1/workspaces", null).json().get("data").get(0).get("workspaceId").asText();
    String sources = "/api/public/v1/workspaces/" + workspace + "/definitions/sources";
    String version = PythonPins.version("airbyte-source-faker");
    Reply created = admin("POST", sources, "{\"name\":\"Faker from PyPI\",\"documentationUrl\":\"https://docs.airbyte.com\","
        + "\"runtime\":{\"type\":\"python_package\",\"package\":\"airbyte-source-faker\",\"version\":\"" + version + "\"}}");
    assertThat(created.status()).as(created.body()).isEqualTo(200);
    String id = created.json().get("id").asText();
    assertThat(created.json().get("name").asText()).isEqualTo("Faker from PyPI");
    assertThat(created.json().get("dockerRepository").asText()).isEqualTo("airbyte/source-faker");
    assertThat(created.json().get("dockerImageTag").asText()).isEqualTo(version);
    assertThat(created.json().at("/runtime/package").asText()).isEqualTo("airbyte-source-faker");

    assertThat(admin("GET", sources, null).json().get("data").findValuesAsText("id")).contains(id);
    assertThat(admin("GET", sources + "/" + id, null).json().get("documentationUrl").asText()).isEqualTo("https://docs.airbyte.com");
    assertThat(admin("GET", "/api/public/v1/workspaces/" + workspace + "/definitions/destinations/" + id, null).status())
        .isEqualTo(404);
    assertThat(admin("GET", "/api/public/v1/workspaces/" + UUID.randomUUID() + "/definitions/sources", null).status())
        .isEqualTo(404);
    // the spec is the package's own, so a source of it is validated and checked by Airbyte's connector
    List<JsonNode> views = new ArrayList<>();
    admin("GET", "/api/v1/definitions?type=source", null).json().forEach(d -> {
      if (d.get("definitionId").asText().equals(id)) {
        views.add(d);
      }
    });
    assertThat(views).hasSize(1);
    JsonNode view = views.get(0);
    assertThat(view.at("/spec/connectionSpecification/properties/count/type").asText()).isEqualTo("integer");
    Reply invalid = admin("POST", "/api/public/v1/sources", "{\"name\":\"fake\",\"workspaceId\":\"" + workspace
        + "\",\"definitionId\":\"" + id + "\",\"configuration\":{\"count\":\"many\"}}");
    assertThat(invalid.status()).isEqualTo(422);
    assertThat(invalid.body()).contains("count");
    Reply source = admin("POST", "/api/public/v1/sources", "{\"name\":\"fake\",\"workspaceId\":\"" + workspace
        + "\",\"definitionId\":\"" + id + "\",\"configuration\":{\"count\":10,\"seed\":1}}");
    assertThat(source.status()).as(source.body()).isEqualTo(200);
    Reply check = admin("POST", "/api/v1/sources/" + source.json().get("sourceId").asText() + "/check", null);
    assertThat(check.status()).as(check.body()).isEqualTo(200);
    assertThat(check.json().get("status").asText()).as(check.body()).isEqualTo("succeeded");
    assertThat(admin("DELETE", "/api/public/v1/sources/" + source.json().get("sourceId").asText(), null).status()).isEqualTo(204);
    assertThat(admin("DELETE", sources + "/" + id, null).status()).isEqualTo(204);
    assertThat(admin("GET", sources, null).json().get("data").findValuesAsText("id")).doesNotContain(id);
  }

  @Test
  void aPackageThatDoesNotInstallIsRefusedNamingItAndPipsLastErrorAndItsInstallShowsWhileItRuns() throws Exception {
    Reply wrong = admin("POST", "/api/v1/definitions", "{\"type\":\"source\",\"name\":\"X\","
        + "\"runtime\":{\"type\":\"python_package\",\"package\":\"cowsay\",\"version\":\"6.1; echo\"}}");
    assertThat(wrong.status()).isEqualTo(422);
    assertThat(wrong.body()).contains("runtime.version: '6.1; echo' is not a plain version");

    // another worker installing the same package holds its lock: this install waits, and says so
    java.nio.file.Files.createDirectories(PythonPins.CACHE);
    java.nio.file.Path lockFile = PythonPins.CACHE.resolve("cowsay-0.0.999.lock");
    Process holder = new ProcessBuilder("python3", "-c", "import fcntl, sys\nf = open(sys.argv[1], 'a')\n"
        + "fcntl.lockf(f, fcntl.LOCK_EX)\nprint('locked', flush=True)\nsys.stdin.read()", lockFile.toString()).start();
    UUID requestId = UUID.randomUUID();
    java.util.concurrent.CompletableFuture<Reply> post;
    try {
      assertThat(new java.io.BufferedReader(new java.io.InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8))
          .readLine()).isEqualTo("locked");
      post = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
        try {
          return admin("POST", "/api/v1/definitions", "{\"type\":\"source\",\"name\":\"Cow\",\"requestId\":\"" + requestId
              + "\",\"runtime\":{\"type\":\"python_package\",\"package\":\"cowsay\",\"version\":\"0.0.999\"}}");
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });
      JsonNode progress = null;
      long deadline = System.nanoTime() + java.time.Duration.ofSeconds(90).toNanos();
      while (System.nanoTime() < deadline && !post.isDone()) {
        Reply seen = admin("GET", "/api/v1/definitions/progress/" + requestId, null);
        if (seen.status() == 200 && seen.json().get("lines").toString().contains("Waiting for another worker's install")) {
          progress = seen.json();
          break;
        }
        Thread.sleep(200);
      }
      assertThat(progress).as("the install's progress while it waits for the lock").isNotNull();
      assertThat(progress.get("running").asBoolean()).isTrue();
      assertThat(progress.get("lines").get(0).asText()).isEqualTo("Running spec of cowsay==0.0.999");
      assertThat(progress.get("lines").toString()).contains("Waiting for another worker's install of cowsay==0.0.999 to end");
    } finally {
      holder.getOutputStream().close();
      holder.waitFor();
    }
    Reply refused = post.get(3, java.util.concurrent.TimeUnit.MINUTES);
    assertThat(refused.status()).as(refused.body()).isEqualTo(422);
    assertThat(refused.body()).contains("runtime.package: cowsay==0.0.999 did not give a spec: Cannot install the Python package "
        + "cowsay==0.0.999: ERROR: ");
    assertThat(admin("GET", "/api/v1/definitions/progress/" + requestId, null).json().get("running").asBoolean()).isFalse();
    assertThat(admin("GET", "/api/v1/definitions/progress/" + UUID.randomUUID(), null).status()).isEqualTo(404);
  }

  @Test
  void connectionAndJobLifecycleWithARealSync(org.springframework.boot.test.system.CapturedOutput output) throws Exception {
    ApiTestSupport.registerPostgres(definitions);
    ApiTestSupport.DB.execute("CREATE SCHEMA IF NOT EXISTS shop", "DROP TABLE IF EXISTS shop.orders",
        "CREATE TABLE shop.orders (id int PRIMARY KEY, amount numeric(10,2), note text, updated_at timestamptz NOT NULL)",
        "INSERT INTO shop.orders SELECT g, g * 1.5, 'n' || g, timestamptz '2024-01-01' + g * interval '1 minute' "
            + "FROM generate_series(1, 500) g");
    var db = ApiTestSupport.DB;
    String workspace = admin("GET", "/api/public/v1/workspaces", null).json().get("data").get(0).get("workspaceId").asText();
    String connection = "\"host\":\"localhost\",\"port\":" + db.port() + ",\"database\":\"" + db.databaseName()
        + "\",\"username\":\"" + db.username() + "\",\"password\":\"" + db.password() + "\",\"ssl_mode\":{\"mode\":\"disable\"}";
    String sourceId = admin("POST", "/api/public/v1/sources", "{\"name\":\"shop\",\"workspaceId\":\"" + workspace
        + "\",\"configuration\":{\"sourceType\":\"postgres\"," + connection + ",\"schemas\":[\"shop\"]}}").json()
        .get("sourceId").asText();
    Reply destination = admin("POST", "/api/public/v1/destinations", "{\"name\":\"warehouse\",\"workspaceId\":\"" + workspace
        + "\",\"configuration\":{\"destinationType\":\"postgres\"," + connection + ",\"schema\":\"mart\"}}");
    assertThat(destination.status()).as(destination.body()).isEqualTo(200);
    String destinationId = destination.json().get("destinationId").asText();

    Reply streams = admin("GET", "/api/public/v1/streams?sourceId=" + sourceId + "&destinationId=" + destinationId, null);
    assertThat(streams.status()).as(streams.body()).isEqualTo(200);
    List<JsonNode> named = new ArrayList<>();
    streams.json().forEach(s -> {
      if (s.get("streamName").asText().equals("orders")) {
        named.add(s);
      }
    });
    assertThat(named).hasSize(1);
    JsonNode orders = named.get(0);
    assertThat(orders.get("syncModes").toString()).contains("incremental_deduped_history");
    assertThat(orders.get("sourceDefinedPrimaryKey").toString()).isEqualTo("[[\"id\"]]");

    String base = "{\"sourceId\":\"" + sourceId + "\",\"destinationId\":\"" + destinationId + "\",\"name\":\"shop → mart\",";
    Reply invalid = admin("POST", "/api/public/v1/connections", base + "\"configurations\":{\"streams\":["
        + "{\"name\":\"nope\",\"syncMode\":\"full_refresh_overwrite\"},"
        + "{\"name\":\"orders\",\"syncMode\":\"incremental_append\",\"cursorField\":[\"missing\"]},"
        + "{\"name\":\"orders\",\"syncMode\":\"incremental_deduped_history\",\"cursorField\":[\"updated_at\"],"
        + "\"primaryKey\":[[\"nokey\"]]}]}}");
    assertThat(invalid.status()).isEqualTo(422);
    assertThat(invalid.json().get("errors").toString()).contains("streams[0].name").contains("'nope'")
        .contains("streams[1].cursorField").contains("'missing'").contains("streams[2].primaryKey").contains("'nokey'");
    assertThat(admin("POST", "/api/public/v1/connections", base + "\"schedule\":{\"scheduleType\":\"cron\","
        + "\"cronExpression\":\"every day\"}}").status()).isEqualTo(422);

    Reply created = admin("POST", "/api/public/v1/connections", base + "\"namespaceDefinition\":\"destination\","
        + "\"configurations\":{\"streams\":[{\"name\":\"orders\",\"syncMode\":\"incremental_deduped_history\","
        + "\"cursorField\":[\"updated_at\"],\"selectedFields\":[{\"fieldPath\":[\"id\"]},{\"fieldPath\":[\"amount\"]},"
        + "{\"fieldPath\":[\"updated_at\"]}]}]},\"schedule\":{\"scheduleType\":\"manual\"}}");
    assertThat(created.status()).as(created.body()).isEqualTo(200);
    String connectionId = created.json().get("connectionId").asText();
    assertThat(created.json().at("/configurations/streams/0/syncMode").asText()).isEqualTo("incremental_deduped_history");
    assertThat(created.json().at("/configurations/streams/0/primaryKey").toString()).isEqualTo("[[\"id\"]]");
    assertThat(created.json().get("workspaceId").asText()).isEqualTo(workspace);

    Reply job = admin("POST", "/api/public/v1/jobs", "{\"connectionId\":\"" + connectionId + "\",\"jobType\":\"sync\"}");
    assertThat(job.status()).as(job.body()).isEqualTo(200);
    long jobId = job.json().get("jobId").asLong();
    assertThat(job.json().get("jobType").asText()).isEqualTo("sync");
    JsonNode done = awaitJob(jobId);
    assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("succeeded");
    assertThat(done.get("rowsSynced").asLong()).isEqualTo(500);
    // bytes, not records: each of the 500 records carries its three values (the timestamp alone is 20 characters)
    // and its emission time (13 digits), as a JSON line or as a typed row (the path between these two connectors),
    // and a whole line is far under 1 kB
    assertThat(done.get("bytesSynced").asLong()).isBetween(500L * 40, 500L * 1000);
    assertThat(done.get("duration").asText()).startsWith("PT");
    try (var c = db.connection(); var st = c.createStatement();
        var rs = st.executeQuery("SELECT count(*), count(*) FILTER (WHERE amount IS NOT NULL) FROM mart.orders")) {
      rs.next();
      assertThat(rs.getLong(1)).isEqualTo(500);
      assertThat(rs.getLong(2)).isEqualTo(500);
    }
    try (var c = db.connection(); var st = c.createStatement(); var rs = st.executeQuery(
        "SELECT count(*) FROM information_schema.columns WHERE table_schema = 'mart' AND column_name = 'note'")) {
      rs.next();
      assertThat(rs.getLong(1)).as("an unselected field is not copied").isZero();
    }
    JsonNode listed = admin("GET", "/api/public/v1/jobs?connectionId=" + connectionId + "&jobType=sync", null).json().get("data");
    assertThat(listed).hasSize(1);
    // the list's totals (one query for the page) are the job's own
    assertThat(listed.get(0).get("rowsSynced").asLong()).isEqualTo(500);
    assertThat(listed.get(0).get("bytesSynced").asLong()).isEqualTo(done.get("bytesSynced").asLong());
    // the list's workspaces (one query for the page) are the connections' own
    JsonNode connectionsListed = admin("GET", "/api/public/v1/connections?limit=100", null).json().get("data");
    assertThat(connectionsListed).isNotEmpty();
    for (JsonNode listedConnection : connectionsListed) {
      if (listedConnection.get("connectionId").asText().equals(connectionId)) {
        assertThat(listedConnection.get("workspaceId").asText()).isEqualTo(workspace);
      }
    }
    assertThat(connectionsListed).extracting(n -> n.get("connectionId").asText()).contains(connectionId);
    assertThat(admin("DELETE", "/api/public/v1/jobs/" + jobId, null).json().get("status").asText()).isEqualTo("succeeded");

    // the config API the UI uses
    JsonNode attempts = admin("GET", "/api/v1/jobs/" + jobId + "/attempts", null).json();
    assertThat(attempts.get(0).get("status").asText()).isEqualTo("succeeded");
    assertThat(attempts.get(0).get("streams").get(0).get("recordsCommitted").asLong()).isEqualTo(500);
    assertThat(attempts.get(0).get("workerId").asText()).as("the worker that ran the attempt").isEqualTo("api-it-worker");
    Reply log = admin("GET", "/api/v1/jobs/" + jobId + "/attempts/0/log", null);
    assertThat(log.body()).contains("platform > INFO Replication of connection").contains("source >").doesNotContain(db.password());
    JsonNode status = admin("GET", "/api/v1/connections/" + connectionId + "/status", null).json();
    assertThat(status.get("lastJob").get("status").asText()).isEqualTo("succeeded");
    assertThat(status.get("jobRunning").asBoolean()).isFalse();
    assertThat(admin("GET", "/api/v1/definitions?type=source", null).json().toString()).contains("airbyte/source-postgres")
        .contains("connectionSpecification");
    assertThat(admin("POST", "/api/v1/sources/" + sourceId + "/check", null).json().get("status").asText()).isEqualTo("succeeded");
    // an edit checked before it is saved: the mask keeps the stored password, a wrong port fails, nothing is stored
    String masked = connection.replace(db.password(), ActorService.MASK);
    Reply editOk = admin("POST", "/api/v1/sources/" + sourceId + "/check", "{\"configuration\":{" + masked
        + ",\"schemas\":[\"shop\"]}}");
    assertThat(editOk.json().get("status").asText()).as(editOk.body()).isEqualTo("succeeded");
    Reply editWrongPort = admin("POST", "/api/v1/sources/" + sourceId + "/check", "{\"configuration\":{\"port\":1}}");
    assertThat(editWrongPort.json().get("status").asText()).as(editWrongPort.body()).isEqualTo("failed");
    Reply editWrongPassword = admin("POST", "/api/v1/sources/" + sourceId + "/check", "{\"configuration\":{\"password\":\"nope\"}}");
    assertThat(editWrongPassword.json().get("status").asText()).as(editWrongPassword.body()).isEqualTo("failed");
    Reply editInvalid = admin("POST", "/api/v1/sources/" + sourceId + "/check", "{\"configuration\":{\"port\":\"five\"}}");
    assertThat(editInvalid.status()).isEqualTo(422);
    assertThat(editInvalid.body()).contains("configuration.port");
    assertThat(admin("GET", "/api/public/v1/sources/" + sourceId, null).json().at("/configuration/port").asInt()).isEqualTo(db.port());
    assertThat(admin("POST", "/api/v1/sources/" + sourceId + "/check", null).json().get("status").asText()).isEqualTo("succeeded");
    Reply badCheck = admin("POST", "/api/v1/destinations/check", "{\"definitionId\":\"25c5221d-dce2-4163-ade9-739ef790f503\","
        + "\"configuration\":{" + connection.replace(db.password(), "wrong-password") + ",\"schema\":\"mart\"}}");
    assertThat(badCheck.json().get("status").asText()).as(badCheck.body()).isEqualTo("failed");
    assertThat(badCheck.json().get("message").asText()).contains("password authentication failed");
    ApiTestSupport.DB.execute("ALTER TABLE shop.orders ADD COLUMN channel text", "CREATE TABLE shop.refunds (id int PRIMARY KEY)");
    JsonNode diff = admin("GET", "/api/v1/connections/" + connectionId + "/catalog_diff", null).json();
    assertThat(diff.get("addedStreams").toString()).contains("shop.refunds");
    assertThat(diff.get("changedStreams").get(0).get("addedFields").toString()).contains("channel");

    Reply patched = admin("PATCH", "/api/public/v1/connections/" + connectionId,
        "{\"schedule\":{\"scheduleType\":\"basic\",\"basicTiming\":\"Every 24 hours\"},\"status\":\"inactive\"}");
    assertThat(patched.json().at("/schedule/basicTiming").asText()).isEqualTo("Every 24 hours");
    assertThat(patched.json().get("status").asText()).isEqualTo("inactive");

    // deleting a source used by a connection deletes the connection, as Airbyte does
    assertThat(admin("DELETE", "/api/public/v1/sources/" + sourceId, null).status()).isEqualTo(204);
    assertThat(admin("GET", "/api/public/v1/connections/" + connectionId, null).status()).isEqualTo(404);
    assertThat(bodies).noneMatch(b -> b.contains(db.password()));
    assertThat(output.getAll()).as("no log line carries the password").doesNotContain(db.password());
  }

  private JsonNode awaitJob(long jobId) throws Exception {
    long end = System.currentTimeMillis() + 120_000;
    while (true) {
      JsonNode job = admin("GET", "/api/public/v1/jobs/" + jobId, null).json();
      String status = job.get("status").asText();
      if (status.equals("succeeded") || status.equals("failed") || status.equals("cancelled")
          || System.currentTimeMillis() > end) {
        return job;
      }
      Thread.sleep(250);
    }
  }

  @Test
  void sourcesAreValidatedAgainstTheSpecAndTheirSecretsNeverComeBack(org.springframework.boot.test.system.CapturedOutput output)
      throws Exception {
    ApiTestSupport.registerPostgres(definitions);
    String workspace = admin("GET", "/api/public/v1/workspaces", null).json().get("data").get(0).get("workspaceId").asText();
    String config = "{\"sourceType\":\"postgres\",\"host\":\"db.internal\",\"port\":5432,\"database\":\"app\","
        + "\"username\":\"reader\",\"password\":\"s3cr3t-value\",\"schemas\":[\"public\"]}";

    Reply created = admin("POST", "/api/public/v1/sources", "{\"name\":\"app db\",\"workspaceId\":\"" + workspace
        + "\",\"configuration\":" + config + "}");
    assertThat(created.status()).as(created.body()).isEqualTo(200);
    String id = created.json().get("sourceId").asText();
    assertThat(created.json().get("sourceType").asText()).isEqualTo("postgres");
    assertThat(created.json().at("/configuration/password").asText()).isEqualTo("**********");
    assertThat(created.json().at("/configuration/sourceType").asText()).isEqualTo("postgres");
    assertThat(actors.get(ActorType.SOURCE, UUID.fromString(id)).configuration().toString()).doesNotContain("s3cr3t-value");

    // a PATCH that sends the mask back keeps the secret
    Reply patched = admin("PATCH", "/api/public/v1/sources/" + id,
        "{\"configuration\":{\"host\":\"db2.internal\",\"password\":\"**********\"}}");
    assertThat(patched.status()).as(patched.body()).isEqualTo(200);
    JsonNode hydrated = secrets.hydrate(actors.get(ActorType.SOURCE, UUID.fromString(id)).configuration());
    assertThat(hydrated.get("password").asText()).isEqualTo("s3cr3t-value");
    assertThat(hydrated.get("host").asText()).isEqualTo("db2.internal");
    Reply put = admin("PUT", "/api/public/v1/sources/" + id, "{\"name\":\"renamed\",\"configuration\":"
        + config.replace("s3cr3t-value", "**********") + "}");
    assertThat(put.json().get("name").asText()).isEqualTo("renamed");
    assertThat(secrets.hydrate(actors.get(ActorType.SOURCE, UUID.fromString(id)).configuration()).get("password").asText())
        .isEqualTo("s3cr3t-value");

    Reply invalid = admin("POST", "/api/public/v1/sources", "{\"name\":\"bad\",\"workspaceId\":\"" + workspace
        + "\",\"configuration\":{\"sourceType\":\"postgres\",\"port\":\"not a number\",\"database\":\"x\",\"username\":\"u\"}}");
    assertThat(invalid.status()).isEqualTo(422);
    assertThat(invalid.json().get("errors").toString()).contains("configuration.host").contains("configuration.port");
    Reply unknownType = admin("POST", "/api/public/v1/sources", "{\"name\":\"bad\",\"workspaceId\":\"" + workspace
        + "\",\"configuration\":{\"sourceType\":\"oracle\"}}");
    assertThat(unknownType.status()).isEqualTo(422);
    assertThat(unknownType.json().get("errors").toString()).contains("configuration.sourceType");
    assertThat(admin("POST", "/api/public/v1/sources", "{\"name\": ").status()).isEqualTo(400);

    assertThat(admin("GET", "/api/public/v1/sources?workspaceIds=" + workspace, null).json().get("data").toString())
        .contains(id);
    assertThat(admin("DELETE", "/api/public/v1/sources/" + id, null).status()).isEqualTo(204);
    assertThat(admin("GET", "/api/public/v1/sources/" + id, null).status()).isEqualTo(404);
    assertThat(bodies).noneMatch(b -> b.contains("s3cr3t-value"));
    assertThat(output.getAll()).doesNotContain("s3cr3t-value");
  }
}
