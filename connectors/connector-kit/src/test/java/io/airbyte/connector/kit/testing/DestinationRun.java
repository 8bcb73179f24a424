package io.airbyte.connector.kit.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.airbyte.connector.kit.ConnectorRunner;
import io.airbyte.connector.kit.Destination;
import io.airbyte.protocol.ProtocolSchema;
import io.airbyte.protocol.json.Jsons;
import io.airbyte.protocol.models.AirbyteMessage;
import io.airbyte.protocol.models.ConfiguredAirbyteCatalog;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Runs a destination's {@code write} in-process through the connector runner, as the platform would run it. */
public final class DestinationRun {

  public final int exitCode;
  public final List<JsonNode> messages;

  private DestinationRun(int exitCode, List<JsonNode> messages) {
    this.exitCode = exitCode;
    this.messages = messages;
  }

  public static DestinationRun write(Destination destination, Path dir, JsonNode config, ConfiguredAirbyteCatalog catalog,
      String stdin) throws IOException {
    return write(destination, dir, config, catalog, stdin, line -> { });
  }

  /** @param onOutputLine called with each output line at the moment the destination emits it */
  public static DestinationRun write(Destination destination, Path dir, JsonNode config, ConfiguredAirbyteCatalog catalog,
      String stdin, Consumer<String> onOutputLine) throws IOException {
    Path configFile = Files.writeString(Files.createTempFile(dir, "config", ".json"), Jsons.serialize(config));
    Path catalogFile = Files.writeString(Files.createTempFile(dir, "catalog", ".json"), Jsons.serialize(catalog));
    LineWatcher out = new LineWatcher(onOutputLine);
    int code = new ConnectorRunner(destination, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
        out, Clock.systemUTC()).run("write", "--config", configFile.toString(), "--catalog", catalogFile.toString());
    List<JsonNode> messages = new ArrayList<>();
    for (String line : out.buffer.toString(StandardCharsets.UTF_8).split("\n")) {
      if (!line.isBlank()) {
        JsonNode message = Jsons.deserialize(line);
        assertThat(ProtocolSchema.validate("AirbyteMessage", message)).as(line).isEmpty();
        messages.add(message);
      }
    }
    return new DestinationRun(code, messages);
  }

  public List<JsonNode> states() {
    return ofType(AirbyteMessage.Type.STATE);
  }

  public List<JsonNode> ofType(AirbyteMessage.Type type) {
    return messages.stream().filter(m -> m.get("type").asText().equals(type.name())).toList();
  }

  public String errorMessage() {
    return ofType(AirbyteMessage.Type.TRACE).stream().map(m -> m.at("/trace/error/message").asText()).findFirst().orElse("");
  }

  /** Collects output and calls back for each complete line as it is written. */
  private static final class LineWatcher extends OutputStream {
    final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private final Consumer<String> onLine;
    private final ByteArrayOutputStream current = new ByteArrayOutputStream();

    LineWatcher(Consumer<String> onLine) {
      this.onLine = onLine;
    }

    @Override
    public void write(int b) {
      buffer.write(b);
      if (b == '\n') {
        onLine.accept(current.toString(StandardCharsets.UTF_8));
        current.reset();
      } else {
        current.write(b);
      }
    }

    @Override
    public void write(byte[] b, int off, int len) {
      for (int i = off; i < off + len; i++) {
        write(b[i]);
      }
    }
  }
}
