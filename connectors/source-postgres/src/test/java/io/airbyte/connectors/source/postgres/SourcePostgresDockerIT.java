package io.airbyte.connectors.source.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.airbyte.protocol.ProtocolSchema;
import io.airbyte.protocol.json.Jsons;
import io.airbyte.testsupport.docker.DockerSupport;
import io.airbyte.testsupport.postgres.PostgresExtension;
import io.airbyte.testsupport.postgres.PostgresTestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The image: built from the module, run as the platform runs it (docker run -i, files mounted read-only). */
@ExtendWith(PostgresExtension.class)
class SourcePostgresDockerIT {

  private static final String IMAGE = "airbyte/source-postgres:dev";

  @BeforeAll
  static void buildImage() {
    DockerSupport.assumeDocker();
    DockerSupport.buildImage(Path.of("."), IMAGE);
  }

  @Test
  void specCheckDiscoverAndReadThroughTheImage(PostgresTestDatabase db, @TempDir Path dir) throws Exception {
    db.execute("CREATE TABLE docker_t (id int PRIMARY KEY, name text)", "INSERT INTO docker_t VALUES (1, 'a'), (2, 'b')");
    var spec = run(dir, "spec");
    assertThat(spec.exitCode()).isZero();
    assertThat(ProtocolSchema.validate("AirbyteMessage", Jsons.deserialize(spec.stdout().strip()))).isEmpty();

    ObjectNode config = Jsons.object().put("host", "localhost").put("port", db.port()).put("database", db.databaseName())
        .put("username", db.username()).put("password", db.password());
    config.putObject("ssl_mode").put("mode", "disable");
    Files.writeString(dir.resolve("source_config.json"), Jsons.serialize(config));
    assertThat(run(dir, "check", "--config", "/files/source_config.json").stdout()).contains("\"status\":\"SUCCEEDED\"");

    var discover = run(dir, "discover", "--config", "/files/source_config.json");
    JsonNode stream = null;
    for (String line : discover.stdout().split("\n")) {
      JsonNode message = Jsons.deserialize(line);
      if (message.get("type").asText().equals("CATALOG")) {
        for (JsonNode s : message.at("/catalog/streams")) {
          if (s.get("name").asText().equals("docker_t")) {
            stream = s;
          }
        }
      }
    }
    assertThat(stream).isNotNull();
    ObjectNode configured = Jsons.object().put("sync_mode", "full_refresh").put("destination_sync_mode", "overwrite");
    configured.set("stream", stream);
    ObjectNode catalog = Jsons.object();
    catalog.putArray("streams").add(configured);
    Files.writeString(dir.resolve("source_catalog.json"), Jsons.serialize(catalog));
    var read = run(dir, "read", "--config", "/files/source_config.json", "--catalog", "/files/source_catalog.json");
    assertThat(read.exitCode()).as(read.stderr()).isZero();
    assertThat(read.stdout().lines().filter(l -> l.contains("\"type\":\"RECORD\"")).count()).isEqualTo(2);
  }

  private static DockerSupport.Result run(Path dir, String... args) {
    List<String> command = new ArrayList<>(List.of("docker", "run", "--rm", "-i", "--init", "--network", "host",
        "-v", dir.toAbsolutePath() + ":/files:ro", IMAGE));
    command.addAll(List.of(args));
    return DockerSupport.run(command, null, Duration.ofMinutes(2));
  }
}
