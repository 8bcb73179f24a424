package io.airbyte.server.definition;

import static org.assertj.core.api.Assertions.assertThat;

import io.airbyte.contract.connector.ConnectorRuntime.DockerImage;
import io.airbyte.contract.connector.ConnectorRuntime.PythonPackage;
import io.airbyte.protocol.json.Jsons;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A request's runtime: Airbyte's image fields or our runtime object, each fault named by its field. */
class DefinitionRuntimesTest {

  private final List<String> errors = new ArrayList<>();

  @Test
  void airbytesImageFieldsAreADockerImage() {
    assertThat(DefinitionRuntimes.parse(null, " acme/source-api ", "1.2", errors)).isEqualTo(new DockerImage("acme/source-api", "1.2"));
    assertThat(errors).isEmpty();
  }

  @Test
  void withNeitherImageNorRuntimeBothImageFieldsAreNamed() {
    assertThat(DefinitionRuntimes.parse(null, null, " ", errors)).isNull();
    assertThat(errors).containsExactly("dockerRepository: required", "dockerImageTag: required");
  }

  @Test
  void aPythonPackageRuntime() {
    var runtime = Jsons.object().put("type", "python_package").put("package", "airbyte-source-faker").put("version", "7.2.1");
    assertThat(DefinitionRuntimes.parse(runtime, null, null, errors)).isEqualTo(new PythonPackage("airbyte-source-faker", "7.2.1"));
    assertThat(DefinitionRuntimes.field(new PythonPackage("airbyte-source-faker", "7.2.1"))).isEqualTo("runtime.package");
  }

  @Test
  void aPackageOrVersionThatPipWouldReadAsMoreIsNamed() {
    var runtime = Jsons.object().put("type", "python_package").put("package", "faker; rm -rf /").put("version", ">=7");
    assertThat(DefinitionRuntimes.parse(runtime, null, null, errors)).isNull();
    assertThat(errors).hasSize(2);
    assertThat(errors.get(0)).startsWith("runtime.package: 'faker; rm -rf /' is not a Python package name");
    assertThat(errors.get(1)).startsWith("runtime.version: '>=7' is not a plain version");
  }

  @Test
  void anUnknownTypeOrABuiltInJarOrBothShapesAreRefused() {
    assertThat(DefinitionRuntimes.parse(Jsons.object().put("type", "built_in_jar").put("name", "source-faker"), null, null, errors))
        .isNull();
    assertThat(DefinitionRuntimes.parse(Jsons.object(), null, null, errors)).isNull();
    assertThat(DefinitionRuntimes.parse(Jsons.object().put("type", "docker_image"), "acme/x", "1", errors)).isNull();
    assertThat(DefinitionRuntimes.parse(Jsons.object().put("type", "docker_image"), null, null, errors)).isNull();
    assertThat(errors).containsExactly(
        "runtime.type: 'docker_image' or 'python_package', not 'built_in_jar' (built-in connectors come with the platform)",
        "runtime.type: 'docker_image' or 'python_package' is required",
        "runtime: give either runtime or dockerRepository and dockerImageTag, not both",
        "runtime.repository: required", "runtime.tag: required");
  }
}
