package io.airbyte.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.airbyte.db.ActorType;
import io.airbyte.db.actor.ActorRepository;
import io.airbyte.db.definition.DefinitionRepository;
import io.airbyte.db.secret.SecretSplitter;
import io.airbyte.protocol.json.Jsons;
import io.airbyte.server.config.PlatformBeans.PlatformEnvironment;
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
    registry.add("spring.datasource.url", ApiTestSupport.DB::jdbcUrl);
    registry.add("spring.datasource.username", ApiTestSupport.DB::username);
    registry.add("spring.datasource.password", ApiTestSupport.DB::password);
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
    assertThat(admin("GET", "/api/public/v1/workspaces", null).json().get("data")).isNotEmpty();
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
    assertThat(token.json().get("expires_in").asLong()).isPositive();
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
  void sourcesAreValidatedAgainstTheSpecAndTheirSecretsNeverComeBack() throws Exception {
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
  }
}
