package io.airbyte.connectors.destination.duckdb;

import static org.assertj.core.api.Assertions.assertThat;

import io.airbyte.protocol.ProtocolSchema;
import io.airbyte.protocol.json.Jsons;
import io.airbyte.protocol.models.DestinationSyncMode;
import io.airbyte.protocol.testing.Messages;
import io.airbyte.testsupport.docker.DockerSupport;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The image: built from the module, run with the config mounted read-only and a data directory on /local. */
class DestinationDuckDbDockerIT {

  private static final String IMAGE = "airbyte/destination-duckdb:dev";

  @BeforeAll
  static void buildImage() {
    DockerSupport.assumeDocker();
    DockerSupport.buildImage(Path.of("."), IMAGE);
  }

  @Test
  void specCheckAndWriteThroughTheImage(@TempDir Path files, @TempDir Path data) throws Exception {
    var spec = run(files, data, null, "spec");
    assertThat(spec.exitCode()).isZero();
    assertThat(ProtocolSchema.validate("AirbyteMessage", Jsons.deserialize(spec.stdout().strip()))).isEmpty();

    Files.writeString(files.resolve("destination_config.json"),
        Jsons.serialize(Jsons.object().put("destination_path", "/local/warehouse.duckdb")));
    assertThat(run(files, data, null, "check", "--config", "/files/destination_config.json").stdout())
        .contains("\"status\":\"SUCCEEDED\"");

    Files.writeString(files.resolve("destination_catalog.json"), Jsons.serialize(Messages.catalog(Messages.stream(null, "t",
        "{\"type\":\"object\",\"properties\":{\"id\":{\"type\":\"integer\"}}}", DestinationSyncMode.APPEND, null, null, 1, 0))));
    String input = new Messages().record(null, "t", "{\"id\":1}").record(null, "t", "{\"id\":2}")
        .state(null, "t", "{}").status(null, "t", "COMPLETE").toString();
    var write = run(files, data, input, "write", "--config", "/files/destination_config.json",
        "--catalog", "/files/destination_catalog.json");
    assertThat(write.exitCode()).as(write.stdout() + write.stderr()).isZero();
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + data.resolve("warehouse.duckdb"));
        Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM main.t")) {
      rs.next();
      assertThat(rs.getLong(1)).isEqualTo(2);
    }
  }

  private static DockerSupport.Result run(Path files, Path data, String stdin, String... args) {
    List<String> command = new ArrayList<>(List.of("docker", "run", "--rm", "-i", "--init",
        "-v", files.toAbsolutePath() + ":/files:ro", "-v", data.toAbsolutePath() + ":/local", IMAGE));
    command.addAll(List.of(args));
    return DockerSupport.run(command, stdin == null ? null : stdin.getBytes(StandardCharsets.UTF_8), Duration.ofMinutes(2));
  }
}
