package io.airbyte.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import io.airbyte.testsupport.docker.DockerSupport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The docker compose deployment, through {@code docker/compose-test.sh}: images built from the jars
 * this build made, the stack up with local stand-ins for the public images, a PostgreSQL →
 * PostgreSQL sync with the connectors in containers, down and up again with the connection and its
 * history kept. Its output goes to {@code target/compose-test.log}.
 */
@Timeout(value = 15, unit = TimeUnit.MINUTES)
class ComposeDeploymentIT {

  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final Path LOG = Path.of("target", "compose-test.log").toAbsolutePath();

  @Test
  void composeStackSyncsAndKeepsItsDataAcrossARestart() throws Exception {
    DockerSupport.assumeDocker();
    if (!composeAvailable()) {
      if (DockerSupport.dockerRequired()) {
        Assertions.fail("AIRBYTE_REQUIRE_DOCKER=true but neither `docker compose` nor `docker-compose` is installed");
      }
      Assumptions.abort("neither `docker compose` nor `docker-compose` is installed");
    }
    ProcessBuilder builder = new ProcessBuilder("bash", "docker/compose-test.sh").directory(ROOT.toFile())
        .redirectErrorStream(true).redirectOutput(LOG.toFile());
    builder.environment().put("SKIP_MAVEN", "true");
    Process process = builder.start();
    if (!process.waitFor(14, TimeUnit.MINUTES)) {
      process.destroyForcibly().waitFor();
      Assertions.fail("docker/compose-test.sh did not end within 14 minutes; see " + LOG);
    }
    String output = Files.readString(LOG);
    assertThat(process.exitValue()).as("docker/compose-test.sh failed:\n%s", tail(output)).isZero();
    assertThat(output).contains("compose test passed");
    System.out.println(output.lines().filter(l -> l.startsWith("sync ") || l.startsWith("after ") || l.startsWith("stack up"))
        .reduce("compose:", (a, b) -> a + "\n  " + b));
  }

  private static boolean composeAvailable() {
    for (List<String> command : List.of(List.of("docker", "compose", "version"), List.of("docker-compose", "version"))) {
      try {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0) {
          return true;
        }
      } catch (java.io.IOException | InterruptedException notThere) {
        // try the next one
      }
    }
    return false;
  }

  private static String tail(String output) {
    List<String> lines = output.lines().toList();
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 120), lines.size()));
  }
}
