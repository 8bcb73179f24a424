package io.airbyte.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.airbyte.testsupport.docker.DockerSupport;
import io.airbyte.testsupport.postgres.EmbeddedPostgresServer;
import io.airbyte.testsupport.postgres.PostgresTestDatabase;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The standalone platform configured for Docker ({@code AIRBYTE_PROCESS_FACTORY=docker}): the same
 * jar runs every connector command as a container of the connector's image. A sync source-faker →
 * PostgreSQL lands its rows; the containers reach the database through the host network.
 */
@Timeout(600)
class StandaloneDockerIT {

  private static final Path CONNECTORS = Path.of("..", "connectors");
  private static final PostgresTestDatabase DB = EmbeddedPostgresServer.get().createDatabase();

  @TempDir
  Path home;

  @BeforeAll
  static void images() {
    DockerSupport.assumeDocker();
    DockerSupport.buildImage(CONNECTORS.resolve("source-faker"), "airbyte/source-faker:dev");
    DockerSupport.buildImage(CONNECTORS.resolve("destination-postgres"), "airbyte/destination-postgres:dev");
  }

  @Test
  void runsConnectorsAsContainers() throws Exception {
    Map<String, String> docker = Map.of("AIRBYTE_PROCESS_FACTORY", "docker", "AIRBYTE_DOCKER_NETWORK", "host");
    try (RunningPlatform platform = RunningPlatform.start(home, RunningPlatform.ANY_PORT, "docker", docker)) {
      String workspace = platform.defaultWorkspace();
      String sourceId = platform.call("POST", "/sources", "{\"name\":\"faker\",\"workspaceId\":\"" + workspace
          + "\",\"configuration\":{\"sourceType\":\"faker\",\"count\":300,\"seed\":3}}").get("sourceId").asText();
      String destinationId = platform.call("POST", "/destinations", "{\"name\":\"warehouse\",\"workspaceId\":\"" + workspace
          + "\",\"configuration\":{\"destinationType\":\"postgres\",\"host\":\"127.0.0.1\",\"port\":" + DB.port()
          + ",\"database\":\"" + DB.databaseName() + "\",\"username\":\"" + DB.username() + "\",\"password\":\""
          + DB.password() + "\",\"schema\":\"faker\",\"ssl_mode\":{\"mode\":\"disable\"}}}").get("destinationId").asText();
      String connectionId = platform.call("POST", "/connections", "{\"sourceId\":\"" + sourceId + "\",\"destinationId\":\""
          + destinationId + "\",\"name\":\"in containers\"}").get("connectionId").asText();
      JsonNode job = platform.sync(connectionId);
      assertThat(job.get("status").asText()).as(job + "\n" + platform.log("docker")).isEqualTo("succeeded");
      assertThat(platform.log("docker")).contains("Starting container");
    }
    try (var c = DB.connection(); ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM faker.users")) {
      rs.next();
      assertThat(rs.getLong(1)).isEqualTo(300);
    }
  }
}
