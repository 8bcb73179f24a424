package io.airbyte.connector.kit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.airbyte.protocol.ProtocolSchema;
import io.airbyte.protocol.json.Jsons;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConnectorRunnerTest {

  private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-06-01T00:00:00Z"), ZoneOffset.UTC);
  private static final String CATALOG = """
      {"streams": [{"stream": {"name": "numbers", "json_schema": {}, "supported_sync_modes": ["incremental"]},
                    "sync_mode": "incremental", "destination_sync_mode": "append"}]}
      """;

  @TempDir
  Path dir;

  @AfterEach
  void resetLogging() {
    LogManager.getLogManager().reset();
  }

  @Test
  void specIsAValidSpecMessage() {
    Run run = run(new CountingSource(), "spec");
    assertThat(run.exitCode).isZero();
    assertThat(run.ofType("SPEC")).singleElement()
        .satisfies(m -> assertThat(m.at("/spec/connectionSpecification/required").toString()).contains("host"));
  }

  @Test
  void checkWithAGoodConfigSucceeds() throws IOException {
    Run run = run(new CountingSource(), "check", "--config", file("config.json", "{\"host\":\"db\",\"port\":5432,\"count\":1}"));
    assertThat(run.exitCode).isZero();
    assertThat(run.ofType("CONNECTION_STATUS")).singleElement()
        .satisfies(m -> assertThat(m.at("/connectionStatus/status").asText()).isEqualTo("SUCCEEDED"));
  }

  @Test
  void checkWithAConfigFailingTheSpecAnswersFailedNamingEveryPropertyAndExitsZero() throws IOException {
    Run run = run(new CountingSource(), "check", "--config",
        file("config.json", "{\"port\":\"5432\",\"count\":-1,\"password\":\"hunter2-secret\"}"));
    assertThat(run.exitCode).isZero();
    JsonNode status = run.ofType("CONNECTION_STATUS").get(0).get("connectionStatus");
    assertThat(status.get("status").asText()).isEqualTo("FAILED");
    assertThat(status.get("message").asText())
        .contains("host: required property 'host' not found")
        .contains("port: string found, integer expected")
        .contains("count: ")
        .doesNotContain("hunter2-secret");
    assertThat(run.ofType("TRACE")).as("an invalid config is the FAILED status alone").isEmpty();
  }

  @Test
  void checkWithBadCredentialsAnswersFailedWithAReadableMessage() throws IOException {
    Run run = run(new CountingSource(), "check", "--config",
        file("config.json", "{\"host\":\"db\",\"port\":5432,\"count\":1,\"fail_with\":\"auth\"}"));
    assertThat(run.exitCode).isZero();
    JsonNode status = run.ofType("CONNECTION_STATUS").get(0).get("connectionStatus");
    assertThat(status.get("status").asText()).isEqualTo("FAILED");
    assertThat(status.get("message").asText())
        .isEqualTo("Authentication failed: FATAL: password authentication failed for user \"bob\"");
    assertThat(run.ofType("TRACE")).as("a config error is the FAILED status alone").isEmpty();
  }

  @Test
  void checkRefusedByTheDatabaseAnswersFailedAfterATransientErrorTrace() throws IOException {
    Run run = run(new CountingSource(), "check", "--config",
        file("config.json", "{\"host\":\"db\",\"port\":5432,\"count\":1,\"fail_with\":\"refused\"}"));
    assertThat(run.exitCode).isZero();
    assertThat(run.messages).extracting(m -> m.get("type").asText()).containsSubsequence("TRACE", "CONNECTION_STATUS");
    JsonNode error = run.ofType("TRACE").get(0).at("/trace/error");
    assertThat(error.get("failure_type").asText()).isEqualTo("transient_error");
    assertThat(error.get("message").asText()).startsWith("Connection to the database failed: Connection to localhost:5432 refused");
    assertThat(error.get("internal_message").asText()).contains("SQLException");
    JsonNode status = run.ofType("CONNECTION_STATUS").get(0).get("connectionStatus");
    assertThat(status.get("status").asText()).isEqualTo("FAILED");
    assertThat(status.get("message").asText()).isEqualTo(error.get("message").asText());
  }

  @Test
  void checkFailingOnABugAnswersFailedAfterASystemErrorTrace() throws IOException {
    Run run = run(new CountingSource(), "check", "--config",
        file("config.json", "{\"host\":\"db\",\"port\":5432,\"count\":1,\"fail_with\":\"bug\"}"));
    assertThat(run.exitCode).isZero();
    assertThat(run.ofType("TRACE")).singleElement()
        .satisfies(m -> assertThat(m.at("/trace/error/failure_type").asText()).isEqualTo("system_error"));
    assertThat(run.ofType("CONNECTION_STATUS").get(0).at("/connectionStatus/status").asText()).isEqualTo("FAILED");
  }

  @Test
  void discoverWithAnInvalidConfigIsAConfigErrorListingEveryProperty() throws IOException {
    Run run = run(new CountingSource(), "discover", "--config", file("config.json", "{\"port\":0}"));
    assertThat(run.exitCode).isEqualTo(1);
    JsonNode error = run.ofType("TRACE").get(0).at("/trace/error");
    assertThat(error.get("failure_type").asText()).isEqualTo("config_error");
    assertThat(error.get("message").asText())
        .contains("host: required property 'host' not found")
        .contains("count: required property 'count' not found")
        .contains("port: ");
  }

  @Test
  void aConfigFileThatIsNotJsonIsAConfigErrorNamingTheFile() throws IOException {
    String config = file("config.json", "{\"host\": ");
    Run run = run(new CountingSource(), "discover", "--config", config);
    assertThat(run.exitCode).isEqualTo(1);
    JsonNode error = run.ofType("TRACE").get(0).at("/trace/error");
    assertThat(error.get("failure_type").asText()).isEqualTo("config_error");
    assertThat(error.get("message").asText()).contains(config).contains("not valid JSON");
  }

  @Test
  void discoverEmitsTheCatalog() throws IOException {
    Run run = run(new CountingSource(), "discover", "--config", file("config.json", "{\"host\":\"db\",\"port\":1,\"count\":1}"));
    assertThat(run.exitCode).isZero();
    assertThat(run.ofType("CATALOG").get(0).at("/catalog/streams/0/name").asText()).isEqualTo("numbers");
  }

  @Test
  void readResumesFromTheStateFile() throws IOException {
    String state = file("state.json", """
        [{"type": "STREAM", "stream": {"stream_descriptor": {"name": "numbers"}, "stream_state": {"cursor": 3}}}]
        """);
    Run run = run(new CountingSource(), "read", "--config", file("config.json", "{\"host\":\"db\",\"port\":1,\"count\":5}"),
        "--catalog", file("catalog.json", CATALOG), "--state", state);
    assertThat(run.exitCode).isZero();
    assertThat(run.ofType("RECORD")).extracting(m -> m.at("/record/data/n").asInt()).containsExactly(4, 5);
    assertThat(run.ofType("RECORD")).allSatisfy(m -> assertThat(m.at("/record/emitted_at").asLong())
        .isEqualTo(CLOCK.millis()));
    assertThat(run.ofType("STATE")).extracting(m -> m.at("/state/stream/stream_state/cursor").asInt()).containsExactly(4, 5);
    assertThat(run.ofType("TRACE")).extracting(m -> m.at("/trace/stream_status/status").asText())
        .containsExactly("STARTED", "COMPLETE");
  }

  @Test
  void failuresBecomeTraceErrorsWithTheirTypeAndExitOne() throws IOException {
    assertFailure("io", "transient_error", "I/O error: connection reset by peer");
    assertFailure("bug", "system_error", "unexpected column type");
    assertFailure("auth", "config_error", "Authentication failed: ");
    assertFailure("config", "config_error", "Schema 'sales' does not exist: check 'schemas'");
  }

  private void assertFailure(String failWith, String type, String message) throws IOException {
    Run run = run(new CountingSource(), "read",
        "--config", file("config.json", "{\"host\":\"db\",\"port\":1,\"count\":2,\"fail_with\":\"" + failWith + "\"}"),
        "--catalog", file("catalog.json", CATALOG));
    assertThat(run.exitCode).isEqualTo(1);
    assertThat(run.ofType("RECORD")).hasSize(2);
    JsonNode error = run.ofType("TRACE").stream().filter(m -> m.at("/trace/type").asText().equals("ERROR"))
        .findFirst().orElseThrow().at("/trace/error");
    assertThat(error.get("failure_type").asText()).isEqualTo(type);
    assertThat(error.get("message").asText()).contains(message);
    assertThat(error.get("stack_trace").asText()).contains("CountingSource.fail");
  }

  @Test
  void writeReadsStdinSkipsAndReportsLinesThatAreNotMessages() throws IOException {
    CollectingDestination destination = new CollectingDestination();
    String stdin = """
        {"type":"RECORD","record":{"stream":"numbers","emitted_at":1,"data":{"n":1}}}
        Picked up JAVA_TOOL_OPTIONS: -Xmx1g
        {"type":"STATE","state":{"type":"STREAM","stream":{"stream_descriptor":{"name":"numbers"},"stream_state":{"cursor":1}}}}
        """;
    Run run = run(destination, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
        "write", "--config", file("config.json", "{\"path\":\"/tmp/x\"}"), "--catalog", file("catalog.json", CATALOG));
    assertThat(run.exitCode).isZero();
    assertThat(destination.records).hasSize(1);
    assertThat(run.ofType("STATE")).hasSize(1);
    assertThat(run.ofType("LOG")).anySatisfy(m -> {
      assertThat(m.at("/log/level").asText()).isEqualTo("WARN");
      assertThat(m.at("/log/message").asText()).contains("input line 2").contains("Picked up JAVA_TOOL_OPTIONS");
    });
  }

  @Test
  void aWrongCommandLineIsAnErrorWithTheUsageAndExitsTwo() {
    for (String[] args : List.of(new String[] {}, new String[] {"fly"}, new String[] {"check"},
        new String[] {"read", "--config", "c.json"}, new String[] {"spec", "--config", "c.json"})) {
      Run run = run(new CountingSource(), args);
      assertThat(run.exitCode).as(Arrays.toString(args)).isEqualTo(2);
      assertThat(run.ofType("TRACE").get(0).at("/trace/error/message").asText()).contains("usage:");
    }
    Run write = run(new CountingSource(), "write", "--config", "c.json", "--catalog", "k.json");
    assertThat(write.exitCode).isEqualTo(2);
    assertThat(write.ofType("TRACE").get(0).at("/trace/error/message").asText()).contains("this connector is a source");
  }

  @Test
  void logsOfTheConnectorGoOutAsLogMessages() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ConnectorRunner runner = new ConnectorRunner(new CountingSource(), InputStream.nullInputStream(), out, CLOCK);
    ProtocolLogHandler.install(runner.output(), Level.INFO);
    Logger.getLogger("org.postgresql.Driver").fine("not at INFO");
    runner.run("check", "--config", file("config.json", "{\"host\":\"warehouse\",\"port\":1,\"count\":1}"));
    Run run = new Run(0, out);
    assertThat(run.ofType("LOG")).anySatisfy(m -> {
      assertThat(m.at("/log/level").asText()).isEqualTo("INFO");
      assertThat(m.at("/log/message").asText()).isEqualTo("CountingSource - checking warehouse");
    });
    assertThat(run.ofType("LOG")).noneSatisfy(m -> assertThat(m.at("/log/message").asText()).contains("not at INFO"));
  }

  private String file(String name, String content) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, content);
    return file.toString();
  }

  private Run run(Connector connector, String... args) {
    return run(connector, InputStream.nullInputStream(), args);
  }

  private Run run(Connector connector, InputStream stdin, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int code = new ConnectorRunner(connector, stdin, out, CLOCK).run(args);
    return new Run(code, out);
  }

  /** What a run printed; every line must be a valid protocol message. */
  private static final class Run {
    final int exitCode;
    final List<JsonNode> messages;

    Run(int exitCode, ByteArrayOutputStream out) {
      this.exitCode = exitCode;
      this.messages = out.toString(StandardCharsets.UTF_8).lines().map(Jsons::deserialize).toList();
      for (JsonNode message : messages) {
        assertThat(ProtocolSchema.validate("AirbyteMessage", message)).as(message.toString()).isEmpty();
      }
    }

    List<JsonNode> ofType(String type) {
      return messages.stream().filter(m -> m.get("type").asText().equals(type)).toList();
    }
  }
}
