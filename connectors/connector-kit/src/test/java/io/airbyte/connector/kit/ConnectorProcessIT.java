package io.airbyte.connector.kit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.airbyte.protocol.ProtocolSchema;
import io.airbyte.protocol.json.Jsons;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A connector run as a real process: stdout holds protocol messages only, whatever the code prints. */
class ConnectorProcessIT {

  @Test
  void stdoutCarriesOnlyProtocolMessages(@TempDir Path dir) throws Exception {
    Path config = dir.resolve("config.json");
    Files.writeString(config, "{\"host\":\"db\",\"port\":1,\"count\":1,\"fail_with\":\"stdout\"}");
    Path catalog = dir.resolve("catalog.json");
    Files.writeString(catalog, "{\"streams\":[{\"stream\":{\"name\":\"numbers\",\"json_schema\":{},"
        + "\"supported_sync_modes\":[\"full_refresh\"]},\"sync_mode\":\"full_refresh\",\"destination_sync_mode\":\"append\"}]}");

    Result check = runConnector(dir, "check", "--config", config.toString());
    assertThat(check.exitCode).isZero();
    assertThat(check.stderr).contains("a library printing to stdout");
    assertThat(check.types()).contains("LOG", "CONNECTION_STATUS");

    Result read = runConnector(dir, "read", "--config", config.toString(), "--catalog", catalog.toString());
    assertThat(read.exitCode).isZero();
    assertThat(read.types()).contains("RECORD", "STATE", "TRACE");

    Result bad = runConnector(dir, "discover", "--config", dir.resolve("missing.json").toString());
    assertThat(bad.exitCode).isEqualTo(1);
    assertThat(bad.types()).contains("TRACE");
  }

  private static Result runConnector(Path dir, String... args) throws Exception {
    String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    List<String> command = new java.util.ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", classpath, CountingSource.class.getName()));
    command.addAll(List.of(args));
    Path stderr = dir.resolve("stderr.txt");
    Process process = new ProcessBuilder(command).redirectError(stderr.toFile()).start();
    byte[] stdout = process.getInputStream().readAllBytes();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    List<JsonNode> messages = new String(stdout, StandardCharsets.UTF_8).lines().map(Jsons::deserialize).toList();
    for (JsonNode message : messages) {
      assertThat(ProtocolSchema.validate("AirbyteMessage", message)).as(message.toString()).isEmpty();
    }
    return new Result(process.exitValue(), messages, Files.readString(stderr));
  }

  private record Result(int exitCode, List<JsonNode> messages, String stderr) {
    List<String> types() {
      return messages.stream().map(m -> m.get("type").asText()).toList();
    }
  }
}
