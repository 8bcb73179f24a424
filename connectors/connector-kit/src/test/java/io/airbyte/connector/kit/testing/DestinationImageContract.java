package io.airbyte.connector.kit.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.airbyte.protocol.ProtocolSchema;
import io.airbyte.protocol.json.Jsons;
import io.airbyte.protocol.models.ConfiguredAirbyteStream;
import io.airbyte.protocol.testing.Messages;
import io.airbyte.testsupport.docker.DockerSupport;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A destination's image, built from its module and run as the platform runs it ({@code docker run
 * --rm -i --init}, config and catalog mounted read-only on {@code /files}): spec validates against
 * the protocol, check succeeds, a write of two records echoes the state and leaves two rows. A
 * destination's test says how the container reaches its database and how to count rows there.
 */
public abstract class DestinationImageContract {

  protected static final String TABLE_SCHEMA = "{\"type\":\"object\",\"properties\":{\"id\":{\"type\":\"integer\"}}}";

  @TempDir
  protected Path files;

  /** The image's tag, e.g. {@code airbyte/destination-postgres:dev}. */
  protected abstract String image();

  /** The configuration as the container reads it. */
  protected abstract ObjectNode config();

  /** {@code docker run} options that reach the database (network, volumes). */
  protected abstract List<String> dockerOptions();

  /** The configured stream {@code t} the write loads (its sync mode and generations). */
  protected abstract ConfiguredAirbyteStream stream();

  /** The rows of table {@code t} where the destination wrote them. */
  protected abstract long rowsOfT() throws Exception;

  @BeforeEach
  void buildImage() {
    DockerSupport.assumeDocker();
    DockerSupport.buildImage(Path.of("."), image());
  }

  @Test
  void specCheckAndWriteThroughTheImage() throws Exception {
    var spec = run(null, "spec");
    assertThat(spec.exitCode()).isZero();
    assertThat(ProtocolSchema.validate("AirbyteMessage", Jsons.deserialize(spec.stdout().strip()))).isEmpty();

    Files.writeString(files.resolve("destination_config.json"), Jsons.serialize(config()));
    assertThat(run(null, "check", "--config", "/files/destination_config.json").stdout())
        .contains("\"status\":\"SUCCEEDED\"");

    Files.writeString(files.resolve("destination_catalog.json"), Jsons.serialize(Messages.catalog(stream())));
    String input = new Messages().record(null, "t", "{\"id\":1}").record(null, "t", "{\"id\":2}")
        .state(null, "t", "{}").status(null, "t", "COMPLETE").toString();
    var write = run(input, "write", "--config", "/files/destination_config.json",
        "--catalog", "/files/destination_catalog.json");
    assertThat(write.exitCode()).as(write.stdout() + write.stderr()).isZero();
    assertThat(write.stdout()).contains("\"type\":\"STATE\"");
    assertThat(rowsOfT()).isEqualTo(2);
  }

  private DockerSupport.Result run(String stdin, String... args) {
    List<String> command = new ArrayList<>(List.of("docker", "run", "--rm", "-i", "--init"));
    command.addAll(dockerOptions());
    command.addAll(List.of("-v", files.toAbsolutePath() + ":/files:ro", image()));
    command.addAll(List.of(args));
    return DockerSupport.run(command, stdin == null ? null : stdin.getBytes(StandardCharsets.UTF_8), Duration.ofMinutes(2));
  }
}
