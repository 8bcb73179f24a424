package io.airbyte.worker.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.airbyte.contract.connector.ConnectorRuntime;
import io.airbyte.contract.connector.ConnectorRuntime.BuiltInJar;
import io.airbyte.contract.connector.ConnectorRuntime.DockerImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The local factory runs built-in jars by their command and refuses what only Docker runs. */
@Timeout(30)
class LocalProcessFactoryTest {

  @TempDir
  Path dir;

  private LaunchRequest request(ConnectorRuntime runtime) {
    return new LaunchRequest("1", 0, ConnectorRole.SOURCE, runtime, dir, List.of("source_config.json"),
        List.of("check", "--config", "source_config.json"), null);
  }

  @Test
  void aBuiltInJarRunsItsCommandInTheJobDirectoryWithTheFilesPathsAndTheEnvironment() throws Exception {
    FakeJars jars = new FakeJars();
    BuiltInJar jar = jars.script("printf '%s %s %s %s %s' \"$0\" \"$1\" \"$2\" \"$(pwd)\" \"$GREETING\"");

    ConnectorProcess process = new LocalProcessFactory(jars, Map.of("GREETING", "hello")).create(request(jar));
    process.stdin().close();
    String out = new String(process.stdout().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(process.waitFor(Duration.ofSeconds(10))).isTrue();
    assertThat(process.exitCode()).isZero();
    assertThat(out).isEqualTo("check --config " + dir.resolve("source_config.json").toAbsolutePath() + " "
        + dir.toRealPath() + " hello");
  }

  @Test
  void aBuiltInJarThisMachineDoesNotHaveIsALaunchFailure() {
    LocalProcessFactory factory = new LocalProcessFactory(new FakeJars());

    assertThatThrownBy(() -> factory.create(request(new BuiltInJar("source-nowhere"))))
        .isInstanceOf(ConnectorLaunchException.class)
        .hasMessageContaining("built-in source-nowhere has no source-nowhere.jar on this machine")
        .hasMessageContaining("AIRBYTE_LOCAL_CONNECTORS_DIR");
  }

  @Test
  void aDockerImageIsRefusedWithTheReasonAndTheWayOut() {
    FakeJars jars = new FakeJars();
    // a jar of the same name changes nothing: an image is not ours to run as a jar
    jars.command("source-x", List.of("sh", "-c", "exit 0"));
    LocalProcessFactory factory = new LocalProcessFactory(jars);

    assertThatThrownBy(() -> factory.create(request(new DockerImage("acme/source-x", "1"))))
        .isInstanceOf(ConnectorLaunchException.class)
        .hasMessage("Connector acme/source-x:1 has no local command; it can only run in Docker (set the worker's process "
            + "factory to docker)");
  }
}
