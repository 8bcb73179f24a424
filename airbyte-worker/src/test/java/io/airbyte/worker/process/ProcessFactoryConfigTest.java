package io.airbyte.worker.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.airbyte.contract.connector.ConnectorRuntime.DockerImage;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProcessFactoryConfigTest {

  @Test
  void localIsTheDefault() {
    ProcessFactoryConfig config = ProcessFactoryConfig.fromEnvironment(Map.of());
    assertThat(config.kind()).isEqualTo("local");
    assertThat(config.create(new FakeJars(), "dev")).isInstanceOf(LocalProcessFactory.class);
  }

  @Test
  void localConnectorsConfineTheirFilesToAirbyteHomeUnlessToldOtherwise() {
    assertThat(ProcessFactoryConfig.fromEnvironment(Map.of("AIRBYTE_HOME", "/srv/airbyte")).connectorEnvironment())
        .containsEntry("AIRBYTE_LOCAL_ROOT", "/srv/airbyte");
    assertThat(ProcessFactoryConfig.fromEnvironment(Map.of("AIRBYTE_HOME", "/srv/airbyte",
        "AIRBYTE_CONNECTOR_ENV_AIRBYTE_LOCAL_ROOT", "/data/warehouse")).connectorEnvironment())
        .containsEntry("AIRBYTE_LOCAL_ROOT", "/data/warehouse");
    // containers keep their image's /local
    assertThat(ProcessFactoryConfig.fromEnvironment(Map.of("AIRBYTE_HOME", "/srv/airbyte")).docker().environment())
        .doesNotContainKey("AIRBYTE_LOCAL_ROOT");
  }

  @Test
  void dockerSettingsComeFromTheEnvironment() throws ConnectorLaunchException {
    ProcessFactoryConfig config = ProcessFactoryConfig.fromEnvironment(Map.of("AIRBYTE_PROCESS_FACTORY", "Docker",
        "AIRBYTE_DOCKER_NETWORK", "airbyte_net", "AIRBYTE_CONNECTOR_MEMORY_LIMIT", "2g", "AIRBYTE_CONNECTOR_CPU_LIMIT", "1.5",
        "AIRBYTE_WORKSPACE_ROOT", "/data/workspace", "AIRBYTE_WORKSPACE_VOLUME", "airbyte_workspace",
        "AIRBYTE_CONNECTOR_ENV_JAVA_OPTS", "-Xmx1g"));

    assertThat(config.kind()).isEqualTo("docker");
    DockerSettings docker = config.docker();
    assertThat(docker.network()).isEqualTo("airbyte_net");
    assertThat(docker.memoryLimit()).isEqualTo("2g");
    assertThat(docker.cpuLimit()).isEqualTo("1.5");
    assertThat(docker.environment()).containsExactly(Map.entry("JAVA_OPTS", "-Xmx1g"));

    // with a workspace volume the files are found under the volume's mount point
    DockerProcessFactory factory = new DockerProcessFactory(null, docker, "dev");
    LaunchRequest request = new LaunchRequest("12", 1, ConnectorRole.SOURCE, new DockerImage("airbyte/source-x", "1"),
        Path.of("/data/workspace/12/1"), List.of("source_config.json"), List.of("check", "--config", "source_config.json"), null);
    List<String> command = factory.command(request, "n");
    assertThat(command).containsSubsequence("-v", "airbyte_workspace:/workspace:ro", "airbyte/source-x:1", "check", "--config",
        "/workspace/12/1/source_config.json");
    assertThat(command).containsSubsequence("--network", "airbyte_net", "--memory", "2g", "--cpus", "1.5");
    assertThat(command).containsSubsequence("-e", "JAVA_OPTS=-Xmx1g");
  }

  @Test
  void pythonEnvironmentsLiveUnderTheHomeUnlessConfigured() {
    PythonConfig defaults = ProcessFactoryConfig.fromEnvironment(Map.of("AIRBYTE_HOME", "/data/airbyte")).python();
    assertThat(defaults.python()).isNull();
    assertThat(defaults.environmentsDir()).isEqualTo(Path.of("/data/airbyte/python"));

    PythonConfig configured = ProcessFactoryConfig.fromEnvironment(Map.of("AIRBYTE_HOME", "/data/airbyte",
        "AIRBYTE_PYTHON", " /opt/python3.12/bin/python3 ", "AIRBYTE_PYTHON_ENVIRONMENTS_DIR", "/cache/venvs")).python();
    assertThat(configured.python()).isEqualTo("/opt/python3.12/bin/python3");
    assertThat(configured.environmentsDir()).isEqualTo(Path.of("/cache/venvs"));
  }

  @Test
  void badValuesNameTheVariable() {
    assertThatThrownBy(() -> ProcessFactoryConfig.fromEnvironment(Map.of("AIRBYTE_PROCESS_FACTORY", "kubernetes")))
        .hasMessageContaining("AIRBYTE_PROCESS_FACTORY");
    assertThatThrownBy(() -> ProcessFactoryConfig.fromEnvironment(Map.of("AIRBYTE_CONNECTOR_MEMORY_LIMIT", "lots")))
        .hasMessageContaining("AIRBYTE_CONNECTOR_MEMORY_LIMIT");
    assertThatThrownBy(() -> ProcessFactoryConfig.fromEnvironment(Map.of("AIRBYTE_CONNECTOR_CPU_LIMIT", "-1")))
        .hasMessageContaining("AIRBYTE_CONNECTOR_CPU_LIMIT");
  }
}
