package io.airbyte.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.airbyte.testsupport.docker.DockerSupport;
import io.airbyte.testsupport.postgres.EmbeddedPostgresServer;
import io.airbyte.testsupport.postgres.PostgresTestDatabase;
import io.airbyte.testsupport.python.PythonPins;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Airbyte's own Python source-faker, as published on PyPI at its pinned version, in an image built
 * from wheels downloaded on the host ({@code docker/python-connector/build.sh}, on the Python base
 * image made without a registry): added through the config API as a custom definition (the server
 * runs the image's spec), then synced by the platform in Docker mode into our destination-postgres
 * image. The wheels and both images are made once per machine and reused.
 */
@Timeout(900)
class PythonConnectorDockerIT {

  private static final String PACKAGE = "airbyte-source-faker";
  private static final String REPOSITORY = "airbyte-pypi/airbyte-source-faker";
  private static final Path REPO = Path.of("..");
  private static final int USERS = 150;
  private static final PostgresTestDatabase DB = EmbeddedPostgresServer.get().createDatabase();

  @TempDir
  Path home;

  @BeforeAll
  static void images() {
    DockerSupport.assumeDocker();
    DockerSupport.buildPythonConnectorImage(REPO, PACKAGE, PythonPins.version(PACKAGE), REPOSITORY + ":" + PythonPins.version(PACKAGE));
    DockerSupport.buildImage(REPO.resolve("connectors").resolve("destination-postgres"), "airbyte/destination-postgres:dev");
  }

  @Test
  void airbytesPythonFakerImageIsACustomDefinitionWhoseSyncLandsItsRows() throws Exception {
    Map<String, String> docker = Map.of("AIRBYTE_PROCESS_FACTORY", "docker", "AIRBYTE_DOCKER_NETWORK", "host");
    try (RunningPlatform platform = RunningPlatform.start(home, RunningPlatform.ANY_PORT, "python-docker", docker)) {
      String workspace = platform.defaultWorkspace();
      JsonNode definition = platform.configApi("POST", "/definitions", "{\"type\":\"source\",\"name\":\"Faker (Python)\","
          + "\"dockerRepository\":\"" + REPOSITORY + "\",\"dockerImageTag\":\"" + PythonPins.version(PACKAGE) + "\"}");
      // the spec is the Python connector's own: its records_per_slice and parallelism are not in our faker's
      assertThat(definition.at("/spec/connectionSpecification/properties/parallelism").isObject()).as(definition.toString()).isTrue();
      String sourceId = platform.call("POST", "/sources", "{\"name\":\"python faker\",\"workspaceId\":\"" + workspace
          + "\",\"definitionId\":\"" + definition.get("definitionId").asText()
          + "\",\"configuration\":{\"count\":" + USERS + ",\"seed\":11,\"parallelism\":1}}").get("sourceId").asText();
      String destinationId = platform.call("POST", "/destinations", "{\"name\":\"warehouse\",\"workspaceId\":\"" + workspace
          + "\",\"configuration\":{\"destinationType\":\"postgres\",\"host\":\"127.0.0.1\",\"port\":" + DB.port()
          + ",\"database\":\"" + DB.databaseName() + "\",\"username\":\"" + DB.username() + "\",\"password\":\""
          + DB.password() + "\",\"schema\":\"pyfaker\",\"ssl_mode\":{\"mode\":\"disable\"}}}").get("destinationId").asText();
      String connectionId = platform.call("POST", "/connections", "{\"sourceId\":\"" + sourceId + "\",\"destinationId\":\""
          + destinationId + "\",\"name\":\"python in a container\"}").get("connectionId").asText();

      JsonNode job = platform.sync(connectionId);

      assertThat(job.get("status").asText()).as(job + "\n" + platform.log("python-docker")).isEqualTo("succeeded");
      assertThat(platform.log("python-docker")).contains("Starting container").contains(REPOSITORY);
    }
    assertThat(count("SELECT count(*) FROM pyfaker.users")).isEqualTo(USERS);
    assertThat(count("SELECT count(*) FROM pyfaker.users WHERE email LIKE '%@%' AND _airbyte_raw_id IS NOT NULL")).isEqualTo(USERS);
    // the products come from the package's own list of 100; purchases are generated for the users
    assertThat(count("SELECT count(*) FROM pyfaker.products")).isEqualTo(100);
    assertThat(count("SELECT count(*) FROM pyfaker.purchases")).isPositive();
  }

  private static long count(String sql) throws Exception {
    try (var c = DB.connection(); ResultSet rs = c.createStatement().executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
