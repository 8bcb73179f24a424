package io.airbyte.testsupport.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DockerSupportIT {

  @Test
  void buildsAnImageFromTheBaseImageAndRunsItWithStdio(@TempDir Path context) throws Exception {
    DockerSupport.assumeDocker();
    Files.writeString(context.resolve("Dockerfile"), """
        ARG BASE_IMAGE=eclipse-temurin:17-jre
        FROM ${BASE_IMAGE}
        ENTRYPOINT ["java", "-version"]
        """);
    DockerSupport.buildImage(context, "airbyte/test-support-probe:dev");
    DockerSupport.Result result = DockerSupport.run(
        List.of("docker", "run", "--rm", "-i", "--init", "airbyte/test-support-probe:dev"),
        "ignored".getBytes(StandardCharsets.UTF_8), Duration.ofMinutes(1));
    assertThat(result.exitCode()).isZero();
    assertThat(result.stderr()).contains("17.");
    DockerSupport.run(List.of("docker", "rmi", "-f", "airbyte/test-support-probe:dev"), null, Duration.ofMinutes(1));
  }
}
