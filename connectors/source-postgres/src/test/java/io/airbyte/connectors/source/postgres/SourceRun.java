package io.airbyte.connectors.source.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.airbyte.connector.kit.ConnectorRunner;
import io.airbyte.protocol.ProtocolSchema;
import io.airbyte.protocol.json.Jsons;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** Runs the source in-process through the connector runner and checks every line against the protocol schema. */
final class SourceRun {

  final int exitCode;
  final List<JsonNode> messages;

  private SourceRun(int exitCode, List<JsonNode> messages) {
    this.exitCode = exitCode;
    this.messages = messages;
  }

  static SourceRun run(PostgresSource source, Path dir, String... args) {
    return run(source, dir, -1, args);
  }

  /** @param failAfterStates make the output fail once this many states were written (a crash mid-read); -1: never */
  static SourceRun run(PostgresSource source, Path dir, int failAfterStates, String... args) {
    CrashingOutput out = new CrashingOutput(failAfterStates);
    int code = new ConnectorRunner(source, InputStream.nullInputStream(), out, Clock.systemUTC()).run(args);
    List<JsonNode> messages = new ArrayList<>();
    for (String line : out.written.toString(StandardCharsets.UTF_8).split("\n")) {
      if (!line.isBlank()) {
        JsonNode message = Jsons.deserialize(line);
        assertThat(ProtocolSchema.validate("AirbyteMessage", message)).as(line).isEmpty();
        messages.add(message);
      }
    }
    return new SourceRun(code, messages);
  }

  static String file(Path dir, String name, Object content) throws IOException {
    return Files.writeString(dir.resolve(name), content instanceof String s ? s : Jsons.serialize(content)).toString();
  }

  List<JsonNode> ofType(String type) {
    return messages.stream().filter(m -> m.get("type").asText().equals(type)).toList();
  }

  List<JsonNode> records() {
    return ofType("RECORD").stream().map(m -> m.at("/record/data")).toList();
  }

  List<JsonNode> states() {
    return ofType("STATE").stream().map(m -> m.get("state")).toList();
  }

  List<String> statuses() {
    return ofType("TRACE").stream().filter(m -> m.at("/trace/type").asText().equals("STREAM_STATUS"))
        .map(m -> m.at("/trace/stream_status/status").asText()).toList();
  }

  String connectionStatus() {
    return ofType("CONNECTION_STATUS").get(0).at("/connectionStatus/status").asText();
  }

  String connectionMessage() {
    return ofType("CONNECTION_STATUS").get(0).at("/connectionStatus/message").asText();
  }

  /** The states as the next read's --state file content. */
  String stateFile() {
    return Jsons.serialize(states());
  }

  /** Collects output; fails (as a killed process's pipe would) after a number of states. */
  private static final class CrashingOutput extends OutputStream {
    final ByteArrayOutputStream written = new ByteArrayOutputStream();
    private final int failAfterStates;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private int states;

    CrashingOutput(int failAfterStates) {
      this.failAfterStates = failAfterStates;
    }

    @Override
    public void write(int b) throws IOException {
      if (failAfterStates >= 0 && states >= failAfterStates) {
        throw new IOException("the platform went away");
      }
      line.write(b);
      if (b == '\n') {
        if (line.toString(StandardCharsets.UTF_8).contains("\"type\":\"STATE\"")) {
          states++;
        }
        line.writeTo(written);
        line.reset();
      }
    }
  }
}
