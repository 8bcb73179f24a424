package io.airbyte.worker.connector;

import static org.assertj.core.api.Assertions.assertThat;

import io.airbyte.contract.connector.ConnectorRuntime.DockerImage;
import io.airbyte.contract.connector.ConnectorRuntime;
import io.airbyte.contract.failure.FailureOrigin;
import io.airbyte.contract.failure.FailureType;
import io.airbyte.protocol.json.Jsons;
import io.airbyte.protocol.models.AirbyteConnectionStatus;
import io.airbyte.worker.process.ConnectorRole;
import io.airbyte.worker.process.FakeJars;
import io.airbyte.worker.process.JobDirectories;
import io.airbyte.worker.process.LocalProcessFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** spec, check and discover against fake connectors (sh scripts run as local processes). */
@Timeout(60)
class ConnectorActivitiesIT {

  @TempDir
  Path dir;
  private final FakeJars jars = new FakeJars();
  private ConnectorActivities activities;

  @BeforeEach
  void setUp() {
    activities = new ConnectorActivitiesImpl(new LocalProcessFactory(jars), new JobDirectories(dir), Duration.ofSeconds(3),
        Clock.systemUTC());
  }

  /** A connector whose body is a sh script; its arguments are $0 (the command), $1, $2 … */
  private ConnectorRuntime script(String body) {
    return jars.script(body);
  }

  @Test
  void specReturnsTheSpecAndLogsTheConnectorsLines() throws Exception {
    var result = activities.spec(script("echo 'starting' >&2; echo 'not json'; "
        + "echo '{\"type\":\"LOG\",\"log\":{\"level\":\"INFO\",\"message\":\"hello\"}}'; "
        + "echo '{\"type\":\"SPEC\",\"spec\":{\"connectionSpecification\":{\"type\":\"object\"},\"x-extra\":1}}'"));

    assertThat(result.succeeded()).isTrue();
    assertThat(result.output().getConnectionSpecification().get("type").asText()).isEqualTo("object");
    assertThat(result.output().getAdditionalProperties()).containsKey("x-extra");
    assertThat(Files.readString(result.logPath())).contains("connector > STDERR starting").contains("connector > STDOUT not json")
        .contains("connector > INFO hello").contains("platform > INFO SPEC received");
  }

  @Test
  void checkGetsItsConfigAsAFileAndAnswersBothWays() {
    ConnectorRuntime checker = script("if grep -q good \"$2\"; then "
        + "echo '{\"type\":\"CONNECTION_STATUS\",\"connectionStatus\":{\"status\":\"SUCCEEDED\"}}'; else "
        + "echo '{\"type\":\"CONNECTION_STATUS\",\"connectionStatus\":{\"status\":\"FAILED\",\"message\":\"wrong password\"}}'; fi");

    var good = activities.check(ConnectorRole.SOURCE, checker, Jsons.object().put("password", "good"));
    var bad = activities.check(ConnectorRole.SOURCE, checker, Jsons.object().put("password", "bad"));

    assertThat(good.output().getStatus()).isEqualTo(AirbyteConnectionStatus.Status.SUCCEEDED);
    assertThat(bad.succeeded()).isTrue();
    assertThat(bad.output().getStatus()).isEqualTo(AirbyteConnectionStatus.Status.FAILED);
    assertThat(bad.output().getMessage()).isEqualTo("wrong password");
  }

  @Test
  void aConfigErrorTraceIsAFailedCheckNotAFailedJob() {
    var result = activities.check(ConnectorRole.DESTINATION, script(
        "echo '{\"type\":\"TRACE\",\"trace\":{\"type\":\"ERROR\",\"emitted_at\":1,\"error\":{\"message\":\"port: must be an integer\","
            + "\"failure_type\":\"config_error\"}}}'; exit 1"), Jsons.object());

    assertThat(result.succeeded()).isTrue();
    assertThat(result.output().getStatus()).isEqualTo(AirbyteConnectionStatus.Status.FAILED);
    assertThat(result.output().getMessage()).isEqualTo("port: must be an integer");
  }

  @Test
  void aFailedCheckWithATransientTraceIsAFailedJobThatAnsweredItsStatus() {
    var result = activities.check(ConnectorRole.DESTINATION, script(
        "echo '{\"type\":\"TRACE\",\"trace\":{\"type\":\"ERROR\",\"emitted_at\":1,\"error\":{\"message\":\"Connection refused\","
            + "\"failure_type\":\"transient_error\"}}}'; "
            + "echo '{\"type\":\"CONNECTION_STATUS\",\"connectionStatus\":{\"status\":\"FAILED\",\"message\":\"Connection refused\"}}'"),
        Jsons.object());

    assertThat(result.succeeded()).isFalse();
    assertThat(result.failure().failureOrigin()).isEqualTo(FailureOrigin.DESTINATION);
    assertThat(result.failure().failureType()).isEqualTo(FailureType.TRANSIENT_ERROR);
    assertThat(result.answered()).isTrue();
    assertThat(result.output().getStatus()).isEqualTo(AirbyteConnectionStatus.Status.FAILED);
    assertThat(result.output().getMessage()).isEqualTo("Connection refused");
  }

  @Test
  void aCrashIsAFailureWithTheLastStderrLines() {
    var result = activities.discover(script("echo 'Exception in thread main: kaput' >&2; exit 2"), Jsons.object());

    assertThat(result.succeeded()).isFalse();
    assertThat(result.failure().failureOrigin()).isEqualTo(FailureOrigin.SOURCE);
    assertThat(result.failure().failureType()).isEqualTo(FailureType.SYSTEM_ERROR);
    assertThat(result.failure().externalMessage()).contains("exit code 2");
    assertThat(result.failure().internalMessage()).contains("kaput");
  }

  @Test
  void aConnectorWithoutTheExpectedMessageOrThatHangsFails() {
    var empty = activities.discover(script("exit 0"), Jsons.object());
    assertThat(empty.failure().externalMessage()).contains("without a CATALOG message");

    var hung = activities.spec(script("sleep 600"));
    assertThat(hung.succeeded()).isFalse();
    assertThat(hung.failure().externalMessage()).contains("did not");
  }

  @Test
  void anImageWithoutLocalCommandCannotRunLocally() {
    var result = activities.spec(new DockerImage("airbyte/source-anything", "1"));

    assertThat(result.failure().failureOrigin()).isEqualTo(FailureOrigin.PLATFORM);
    assertThat(result.failure().externalMessage()).contains("has no local command");
  }
}
