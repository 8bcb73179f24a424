package io.airbyte.connectors.destination.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.airbyte.connector.kit.testing.DestinationRun;
import io.airbyte.protocol.ProtocolSchema;
import io.airbyte.protocol.json.Jsons;
import io.airbyte.protocol.models.DestinationSyncMode;
import io.airbyte.protocol.testing.Messages;
import io.airbyte.testsupport.docker.DockerSupport;
import io.airbyte.testsupport.postgres.PostgresExtension;
import io.airbyte.testsupport.postgres.PostgresTestDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The image: built from the module, run as the platform runs it (docker run -i, config files mounted read-only). */
@ExtendWith(PostgresExtension.class)
class DestinationPostgresDockerIT {

  private static final String IMAGE = "airbyte/destination-postgres:dev";

  @BeforeAll
  static void buildImage() {
    DockerSupport.assumeDocker();
    DockerSupport.buildImage(Path.of("."), IMAGE);
  }

  @Test
  void specCheckAndWriteThroughTheImage(PostgresTestDatabase db, @TempDir Path dir) throws Exception {
    var spec = run(dir, null, "spec");
    assertThat(spec.exitCode()).isZero();
    assertThat(ProtocolSchema.validate("AirbyteMessage", Jsons.deserialize(spec.stdout().strip()))).isEmpty();

    Files.writeString(dir.resolve("destination_config.json"), Jsons.serialize(Jsons.object()
        .put("host", "localhost").put("port", db.port()).put("database", db.databaseName()).put("schema", "docker")
        .put("username", db.username()).put("password", db.password())));
    var check = run(dir, null, "check", "--config", "/files/destination_config.json");
    assertThat(check.stdout()).contains("\"status\":\"SUCCEEDED\"");

    Files.writeString(dir.resolve("destination_catalog.json"), Jsons.serialize(Messages.catalog(Messages.stream(null, "t",
        "{\"type\":\"object\",\"properties\":{\"id\":{\"type\":\"integer\"}}}", DestinationSyncMode.OVERWRITE, null, null, 1, 1))));
    String input = new Messages().record(null, "t", "{\"id\":1}").record(null, "t", "{\"id\":2}")
        .state(null, "t", "{}").status(null, "t", "COMPLETE").toString();
    var write = run(dir, input, "write", "--config", "/files/destination_config.json",
        "--catalog", "/files/destination_catalog.json");
    assertThat(write.exitCode()).as(write.stdout() + write.stderr()).isZero();
    assertThat(write.stdout()).contains("\"type\":\"STATE\"");
    try (Connection c = db.connection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT count(*) FROM docker.t")) {
      rs.next();
      assertThat(rs.getLong(1)).isEqualTo(2);
    }
  }

  private static DockerSupport.Result run(Path dir, String stdin, String... args) {
    List<String> command = new ArrayList<>(List.of("docker", "run", "--rm", "-i", "--init", "--network", "host",
        "-v", dir.toAbsolutePath() + ":/files:ro", IMAGE));
    command.addAll(List.of(args));
    return DockerSupport.run(command, stdin == null ? null : stdin.getBytes(StandardCharsets.UTF_8), Duration.ofMinutes(2));
  }
}
