package io.airbyte.testsupport.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.airbyte.testsupport.python.PythonPins;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code docker/python-connector/build.sh}: Airbyte's source-faker from PyPI at its pinned version
 * becomes an image that runs as Airbyte's Python images do; a package that is no connector is
 * refused and leaves no image. Shares the faker image (and its wheels) with the platform's Docker IT.
 */
@Timeout(900)
class PythonConnectorImageIT {

  private static final Path REPO = Path.of("..");
  private static final String FAKER = "airbyte-source-faker";
  private static final String IMAGE = "airbyte-pypi/airbyte-source-faker:" + PythonPins.version(FAKER);

  @BeforeAll
  static void image() {
    DockerSupport.assumeDocker();
    DockerSupport.buildPythonConnectorImage(REPO, FAKER, PythonPins.version(FAKER), IMAGE);
  }

  @Test
  void theImageAnswersSpecOnStdioWithAirbytesEntrypointAndLabels() {
    DockerSupport.Result spec = DockerSupport.run(List.of("docker", "run", "--rm", "-i", "--init", IMAGE, "spec"),
        new byte[0], Duration.ofMinutes(2));
    assertThat(spec.exitCode()).as(spec.stderr()).isZero();
    assertThat(spec.stdout()).contains("\"type\":\"SPEC\"").contains("\"records_per_slice\"");

    DockerSupport.Result config = DockerSupport.run(List.of("docker", "image", "inspect", "--format",
        "{{json .Config.Entrypoint}} {{range .Config.Env}}{{.}} {{end}} {{index .Config.Labels \"io.airbyte.version\"}}", IMAGE),
        null, Duration.ofMinutes(1));
    assertThat(config.stdout()).contains("[\"python\",\"/airbyte/integration_code/main.py\"]")
        .contains("AIRBYTE_ENTRYPOINT=python /airbyte/integration_code/main.py")
        .contains(" " + PythonPins.version(FAKER));
  }

  @Test
  void aSecondBuildOfTheSameImageReusesIt() {
    long started = System.nanoTime();
    DockerSupport.Result again = DockerSupport.run(List.of("bash", REPO.resolve("docker/python-connector/build.sh").toString(),
        FAKER, PythonPins.version(FAKER), IMAGE), null, Duration.ofMinutes(5));
    assertThat(again.exitCode()).as(again.stderr()).isZero();
    assertThat(again.stdout()).isEqualToIgnoringNewLines(IMAGE + " exists");
    System.out.println("python-connector: a second build of " + IMAGE + " took " + (System.nanoTime() - started) / 1_000_000 + " ms");
  }

  @Test
  void aPackageThatIsNoConnectorIsRefusedAndLeavesNoImage() {
    String image = "airbyte-test/cowsay-not-a-connector:" + PythonPins.version("cowsay");

    assertThatThrownBy(() -> DockerSupport.buildPythonConnectorImage(REPO, "cowsay", PythonPins.version("cowsay"), image))
        .hasMessageContaining("does not answer spec with a SPEC message")
        .hasMessageContaining("cowsay " + PythonPins.version("cowsay") + " is not a connector");
    assertThat(DockerSupport.imageExists(image)).isFalse();
  }

  @Test
  void aVersionThatIsARangeIsRefusedNamingIt() {
    assertThatThrownBy(() -> DockerSupport.buildPythonConnectorImage(REPO, FAKER, ">=7", "airbyte-test/never:1"))
        .hasMessageContaining("VERSION '>=7' is not a plain release");
  }
}
