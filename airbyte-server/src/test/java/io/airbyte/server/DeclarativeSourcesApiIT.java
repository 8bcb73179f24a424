package io.airbyte.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.airbyte.contract.connector.ConnectorRuntime.DeclarativeManifest;
import io.airbyte.db.actor.ActorRepository;
import io.airbyte.db.definition.DefinitionRepository;
import io.airbyte.db.secret.SecretSplitter;
import io.airbyte.protocol.json.Jsons;
import io.airbyte.server.config.PlatformBeans.PlatformEnvironment;
import io.airbyte.testsupport.http.ItemsApi;
import io.airbyte.testsupport.python.PythonPins;
import io.airbyte.worker.connector.ConnectorActivitiesImpl;
import io.airbyte.worker.manifest.ManifestTools;
import io.airbyte.worker.process.JobDirectories;
import io.airbyte.worker.process.LocalProcessFactory;
import io.airbyte.worker.process.PythonEnvironments;
import io.airbyte.worker.sync.ConnectorCommandActivitiesImpl;
import io.temporal.client.WorkflowClient;
import io.temporal.testing.TestWorkflowEnvironment;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The declarative source definitions of the public API over HTTP, with a worker that runs the pinned
 * airbyte-cdk: a manifest the CDK refuses is a 422 naming the place in it; a test read against an
 * HTTP API the test serves shows records, pages and requests; a saved manifest is a source definition
 * whose spec is the manifest's (its secret masked in a source made with it, whose check runs the
 * manifest); update makes a new version; delete removes it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Timeout(300)
class DeclarativeSourcesApiIT {

  static final TestWorkflowEnvironment TEMPORAL = TestWorkflowEnvironment.newInstance();
  static final String KEY = "api-key-of-the-test";
  static ItemsApi api;

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

  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void start() {
    api = ItemsApi.start(KEY);
    api.addItems(1, 25, Instant.parse("2024-01-01T00:00:00Z"));
    var ds = ApiTestSupport.DB.dataSource();
    io.airbyte.db.MetadataDatabase.migrate(ds);
    var secrets = new SecretSplitter(new io.airbyte.db.secret.SecretRepository(ds,
        io.airbyte.db.secret.SecretCipher.fromEnvironment(ApiTestSupport.environment().values())));
    var pythons = new PythonEnvironments(PythonPins.CACHE, null);
    var directories = new JobDirectories(ApiTestSupport.HOME.resolve("declarative"));
    var connectors = new ConnectorActivitiesImpl(new LocalProcessFactory(ApiTestSupport.jars(), pythons, Map.of()),
        directories, Duration.ofMinutes(2), Clock.systemUTC());
    var worker = TEMPORAL.getWorkerFactory().newWorker("SYNC");
    worker.registerActivitiesImplementations(new ConnectorCommandActivitiesImpl(connectors, new ActorRepository(ds), secrets,
        new ManifestTools(pythons, directories, Duration.ofMinutes(3))));
    var scheduler = TEMPORAL.getWorkerFactory().newWorker("CONNECTION_UPDATER");
    scheduler.registerWorkflowImplementationTypes(io.airbyte.scheduler.command.ConnectorCommandWorkflowImpl.class);
    TEMPORAL.start();
  }

  @AfterAll
  static void stop() {
    TEMPORAL.close();
    api.close();
  }

  record Reply(int status, JsonNode json, String body) {}

  Reply call(String method, String path, Object body) throws Exception {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(Jsons.serialize(body)))
        .header("Content-Type", "application/json")
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("airbyte:" + ApiTestSupport.ADMIN_PASSWORD)
            .getBytes(StandardCharsets.UTF_8)))
        .build(), HttpResponse.BodyHandlers.ofString());
    JsonNode json = response.body().isBlank() ? null : Jsons.deserialize(response.body());
    return new Reply(response.statusCode(), json, response.body());
  }

  static ObjectNode manifest() throws Exception {
    try (InputStream in = DeclarativeSourcesApiIT.class.getResourceAsStream("/manifests/items.json")) {
      return (ObjectNode) Jsons.deserialize(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  ObjectNode config(String key) {
    return Jsons.object().put("base_url", api.baseUrl()).put("api_key", key).put("start_date", "2024-01-01T00:00:00Z");
  }

  @Test
  void aManifestIsValidatedTestReadSavedUsedUpdatedAndDeleted() throws Exception {
    assertThat(DeclarativeManifest.DEFAULT_CDK_VERSION).isEqualTo(PythonPins.version("airbyte-cdk"));
    String workspace = call("GET", "/api/public/v1/workspaces", null).json().at("/data/0/workspaceId").asText();
    String base = "/api/public/v1/workspaces/" + workspace + "/definitions/declarative_sources";

    ObjectNode broken = manifest();
    ((ObjectNode) broken.at("/streams/0/retriever/requester")).put("http_method", "FETCH");
    Reply invalid = call("POST", base, Map.of("name", "Items", "manifest", broken));
    assertThat(invalid.status()).as(invalid.body()).isEqualTo(422);
    assertThat(invalid.json().get("errors").get(0).asText())
        .startsWith("manifest.streams[0].retriever.requester.http_method: ").contains("FETCH");
    assertThat(call("POST", base, Map.of("name", "Items")).json().get("errors").toString()).contains("manifest: required");

    Map<String, Object> read = Map.of("manifest", manifest(), "stream", "items", "config", config(KEY), "record_limit", 12,
        "page_limit", 2);
    Reply testRead = call("POST", "/api/v1/connector_builder/stream/read", read);
    assertThat(testRead.status()).as(testRead.body()).isEqualTo(200);
    JsonNode pages = testRead.json().at("/slices/0/pages");
    assertThat(pages).hasSize(2);
    assertThat(pages.get(0).get("records")).hasSize(10);
    assertThat(pages.get(1).get("records")).hasSize(2);
    assertThat(pages.get(1).at("/request/url").asText()).contains("/items?").contains("page=2");
    assertThat(testRead.body()).doesNotContain(KEY);
    assertThat(api.requests()).isNotEmpty().allMatch(ItemsApi.Request::authorized);

    Reply created = call("POST", base, Map.of("name", "Items", "manifest", manifest()));
    assertThat(created.status()).as(created.body()).isEqualTo(200);
    String id = created.json().get("id").asText();
    assertThat(created.json().get("version").asLong()).isEqualTo(1);
    assertThat(created.json().get("manifest")).isEqualTo(manifest());
    assertThat(call("GET", base, null).json().get("data").findValuesAsText("id")).contains(id);
    assertThat(call("GET", base + "/" + id, null).json().get("name").asText()).isEqualTo("Items");

    // a source definition like any other, its spec the manifest's
    JsonNode definitions = call("GET", "/api/v1/definitions?type=source&workspaceId=" + workspace, null).json();
    JsonNode definition = null;
    for (JsonNode d : definitions) {
      if (d.get("definitionId").asText().equals(id)) {
        definition = d;
      }
    }
    assertThat(definition).isNotNull();
    assertThat(definition.at("/spec/connectionSpecification")).isEqualTo(manifest().at("/spec/connection_specification"));

    Reply source = call("POST", "/api/public/v1/sources", Map.of("name", "items", "workspaceId", workspace, "definitionId", id,
        "configuration", config(KEY)));
    assertThat(source.status()).as(source.body()).isEqualTo(200);
    assertThat(source.body()).doesNotContain(KEY);
    String sourceId = source.json().get("sourceId").asText();
    Reply check = call("POST", "/api/v1/sources/" + sourceId + "/check", null);
    assertThat(check.json().get("status").asText()).as(check.body()).isEqualTo("succeeded");
    Reply missingKey = call("POST", "/api/public/v1/sources", Map.of("name", "items", "workspaceId", workspace,
        "definitionId", id, "configuration", Map.of("base_url", api.baseUrl())));
    assertThat(missingKey.status()).isEqualTo(422);
    assertThat(missingKey.body()).contains("api_key");

    ObjectNode edited = manifest();
    ((ObjectNode) edited.at("/streams/0/retriever/requester/request_parameters")).put("per_page", "5");
    Reply updated = call("PUT", base + "/" + id, Map.of("manifest", edited));
    assertThat(updated.status()).as(updated.body()).isEqualTo(200);
    assertThat(updated.json().get("version").asLong()).isEqualTo(2);
    assertThat(call("GET", base + "/" + id, null).json().at("/manifest/streams/0/retriever/requester/request_parameters/per_page")
        .asText()).isEqualTo("5");
    assertThat(call("PUT", base + "/" + id, Map.of("manifest", broken)).status()).isEqualTo(422);

    assertThat(call("DELETE", "/api/public/v1/sources/" + sourceId, null).status()).isEqualTo(204);
    Reply deleted = call("DELETE", base + "/" + id, null);
    assertThat(deleted.status()).as(deleted.body()).isEqualTo(200);
    assertThat(call("GET", base + "/" + id, null).status()).isEqualTo(404);
  }
}
