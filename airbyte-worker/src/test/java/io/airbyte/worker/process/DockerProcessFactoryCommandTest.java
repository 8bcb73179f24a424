package io.airbyte.worker.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.airbyte.contract.connector.ConnectorRuntime;
import io.airbyte.contract.connector.ConnectorRuntime.BuiltInJar;
import io.airbyte.contract.connector.ConnectorRuntime.DockerImage;
import io.airbyte.contract.connector.ConnectorRuntime.PythonPackage;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The image the Docker factory runs for each runtime: an image as it is, a built-in jar as our image of it. */
class DockerProcessFactoryCommandTest {

  @TempDir
  Path dir;

  private List<String> command(ConnectorRuntime runtime) throws ConnectorLaunchException {
    DockerProcessFactory factory = new DockerProcessFactory(null, new DockerSettings(null, null, null, dir, null, Map.of()),
        "0.9.1");
    return factory.command(new LaunchRequest("1", 0, ConnectorRole.DESTINATION, runtime, dir, List.of("catalog.json"),
        List.of("write", "--catalog", "catalog.json"), null), "n");
  }

  @Test
  void aWorkersContainersCarryItsOwnerLabel() throws ConnectorLaunchException {
    DockerProcessFactory owned = new DockerProcessFactory(null, new DockerSettings(null, null, null, dir, null, Map.of()),
        "dev", "worker-7");
    LaunchRequest request = new LaunchRequest("1", 0, ConnectorRole.SOURCE, new DockerImage("a/b", "1"), dir, List.of(),
        List.of("spec"), null);

    assertThat(owned.command(request, "n")).containsSubsequence("--label", "io.airbyte.worker-owner=worker-7", "a/b:1");
    assertThat(command(new DockerImage("a/b", "1"))).noneMatch(arg -> arg.startsWith("io.airbyte.worker-owner="));
  }

  @Test
  void aDockerImageRunsAsItIs() throws ConnectorLaunchException {
    assertThat(command(new DockerImage("registry.acme.io:5000/acme/destination-lake", "2.0")))
        .containsSubsequence("registry.acme.io:5000/acme/destination-lake:2.0", "write", "--catalog", "/config/catalog.json");
  }

  @Test
  void aBuiltInJarRunsAsOurImageAtTheConfiguredTag() throws ConnectorLaunchException {
    List<String> command = command(new BuiltInJar("destination-duckdb"));

    assertThat(command).containsSubsequence("-v", dir.toAbsolutePath() + ":/config:ro", "airbyte/destination-duckdb:0.9.1",
        "write", "--catalog", "/config/catalog.json");
    assertThat(new DockerProcessFactory(null, null, "dev").image(new BuiltInJar("source-faker")))
        .isEqualTo("airbyte/source-faker:dev");
  }

  @Test
  void aPythonPackageIsRefusedWithWhereItRuns() {
    assertThatThrownBy(() -> command(new PythonPackage("airbyte-source-faker", "7.2.1")))
        .isInstanceOf(ConnectorLaunchException.class)
        .hasMessageContaining("airbyte-source-faker==7.2.1 is a Python package")
        .hasMessageContaining("AIRBYTE_PROCESS_FACTORY=local");
  }

  @Test
  void aDeclarativeManifestRunsInAirbytesImageOfItsCdkVersion() throws ConnectorLaunchException {
    var manifest = new io.airbyte.contract.connector.ConnectorRuntime.DeclarativeManifest(
        io.airbyte.protocol.json.Jsons.object().put("version", "6.61.6"), "6.61.6");
    assertThat(command(manifest)).containsSubsequence("airbyte/source-declarative-manifest:6.61.6", "write", "--catalog",
        "/config/catalog.json");
  }
}
