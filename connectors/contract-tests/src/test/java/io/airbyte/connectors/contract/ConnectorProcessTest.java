package io.airbyte.connectors.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A hung connector fails its contract test instead of hanging the build. */
@Timeout(60)
class ConnectorProcessTest {

  @TempDir
  Path dir;

  @Test
  void aConnectorThatNeverEndsIsKilledAndFailsTheTestNamingTheCommand() throws Exception {
    Path stderr = Files.createFile(dir.resolve("hung.stderr"));
    // a "connector" that keeps stdout open and never exits, with a child of its own
    Process hung = new ProcessBuilder("sh", "-c", "sleep 600 & sleep 600").redirectError(stderr.toFile()).start();
    while (hung.descendants().count() < 2) {
      Thread.sleep(10);
    }
    var children = hung.descendants().toList();

    assertThatThrownBy(() -> ConnectorProcess.finish(hung, ConnectorJar.SOURCE_FAKER, stderr, Duration.ofSeconds(1), "spec"))
        .isInstanceOf(AssertionError.class)
        .hasMessage("source-faker spec did not finish within PT1S; it was killed");
    assertThat(hung.isAlive()).isFalse();
    for (ProcessHandle child : children) {
      child.onExit().join();
    }
  }

  @Test
  void aConnectorThatEndsInTimeGivesItsOutputAndExitCode() throws Exception {
    Path stderr = Files.createFile(dir.resolve("quick.stderr"));
    Process quick = new ProcessBuilder("sh", "-c", "echo '{\"type\":\"LOG\",\"log\":{\"level\":\"INFO\",\"message\":\"hi\"}}'; "
        + "echo oops >&2; exit 3").redirectError(stderr.toFile()).start();

    ConnectorProcess.Output output = ConnectorProcess.finish(quick, ConnectorJar.SOURCE_FAKER, stderr, Duration.ofMinutes(1), "spec");

    assertThat(output.exitCode()).isEqualTo(3);
    assertThat(output.messages()).singleElement().satisfies(m -> assertThat(m.getLog().getMessage()).isEqualTo("hi"));
    assertThat(output.stderr()).isEqualTo("oops\n");
  }
}
