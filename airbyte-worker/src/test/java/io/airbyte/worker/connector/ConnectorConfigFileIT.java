package io.airbyte.worker.connector;

import static org.assertj.core.api.Assertions.assertThat;

import io.airbyte.contract.connector.ConnectorRuntime;
import io.airbyte.contract.connector.ConnectorRuntime.DockerImage;
import io.airbyte.protocol.json.Jsons;
import io.airbyte.protocol.models.AirbyteConnectionStatus;
import io.airbyte.worker.process.ConnectorRole;
import io.airbyte.worker.process.FakeJars;
import io.airbyte.worker.process.JobDirectories;
import io.airbyte.worker.process.LocalProcessFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The configuration a check or discover gives its connector (secrets in clear) is {@code rw-------}
 * in a {@code rwx------} directory while the connector runs, and gone once it has ended: answered,
 * crashed, stopped at the timeout, or never started. The log stays.
 */
@Timeout(60)
class ConnectorConfigFileIT {

  @TempDir
  Path dir;
  private final FakeJars jars = new FakeJars();
  private ConnectorActivities activities;

  @BeforeEach
  void setUp() {
    activities = new ConnectorActivitiesImpl(new LocalProcessFactory(jars), new JobDirectories(dir), Duration.ofSeconds(3),
        Clock.systemUTC());
  }

  private ConnectorRuntime script(String body) {
    return jars.script(body);
  }

  private static List<String> files(Path jobDirectory) throws IOException {
    try (Stream<Path> list = Files.list(jobDirectory)) {
      return list.map(p -> p.getFileName().toString()).toList();
    }
  }

  @Test
  void aCheckReadsAnOwnerOnlyFileThatIsGoneOnceItAnswered() throws Exception {
    var result = activities.check(ConnectorRole.SOURCE, script("echo \"{\\\"type\\\":\\\"CONNECTION_STATUS\\\","
        + "\\\"connectionStatus\\\":{\\\"status\\\":\\\"SUCCEEDED\\\",\\\"message\\\":\\\"$(grep -c hunter2 \"$2\") $(stat -c %a \"$2\")"
        + " in $(stat -c %a .) under $(stat -c %a ..)\\\"}}\""), Jsons.object().put("password", "hunter2"));

    assertThat(result.output().getStatus()).isEqualTo(AirbyteConnectionStatus.Status.SUCCEEDED);
    assertThat(result.output().getMessage()).as("the password read, the modes of the file, its directory and the job's")
        .isEqualTo("1 600 in 700 under 700");
    assertThat(files(result.logPath().getParent())).containsExactly("logs.log");
  }

  @Test
  void aCrashedDiscoverLeavesNoConfiguration() throws Exception {
    var result = activities.discover(script("test -f \"$2\" && exit 2"), Jsons.object().put("password", "hunter2"));

    assertThat(result.failure().externalMessage()).contains("exit code 2");
    assertThat(files(result.logPath().getParent())).containsExactly("logs.log");
  }

  @Test
  void aCheckStoppedAtTheTimeoutLeavesNoConfiguration() throws Exception {
    var result = activities.check(ConnectorRole.DESTINATION, script("exec sleep 600"), Jsons.object().put("password", "x"));

    assertThat(result.failure().externalMessage()).contains("did not finish");
    assertThat(files(result.logPath().getParent())).containsExactly("logs.log");
  }

  @Test
  void aConnectorThatCannotStartLeavesNoConfiguration() throws Exception {
    var result = activities.check(ConnectorRole.SOURCE, new DockerImage("fake/docker-only", "test"),
        Jsons.object().put("password", "x"));

    assertThat(result.failure().externalMessage()).contains("has no local command");
    assertThat(files(result.logPath().getParent())).containsExactly("logs.log");
  }
}
