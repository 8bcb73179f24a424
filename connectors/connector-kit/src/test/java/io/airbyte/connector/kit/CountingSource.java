package io.airbyte.connector.kit;

import com.fasterxml.jackson.databind.JsonNode;
import io.airbyte.protocol.json.Jsons;
import io.airbyte.protocol.models.AirbyteCatalog;
import io.airbyte.protocol.models.AirbyteStateMessage;
import io.airbyte.protocol.models.AirbyteStateStats;
import io.airbyte.protocol.models.AirbyteStateType;
import io.airbyte.protocol.models.AirbyteStream;
import io.airbyte.protocol.models.AirbyteStreamState;
import io.airbyte.protocol.models.AirbyteStreamStatus;
import io.airbyte.protocol.models.ConfiguredAirbyteCatalog;
import io.airbyte.protocol.models.ConfiguredAirbyteStream;
import io.airbyte.protocol.models.ConnectorSpecification;
import io.airbyte.protocol.models.StreamDescriptor;
import io.airbyte.protocol.models.SyncMode;
import java.io.IOException;
import java.sql.SQLException;
import java.util.List;
import java.util.logging.Logger;

/**
 * A small source for the kit's tests: stream "numbers" counts from the state's cursor up to
 * {@code count}, with a state after each record. {@code fail_with} makes it fail in a chosen way.
 */
public final class CountingSource implements Source {

  private static final Logger LOG = Logger.getLogger(CountingSource.class.getName());

  public static void main(String[] args) {
    ConnectorRunner.main(new CountingSource(), args);
  }

  @Override
  public ConnectorSpecification spec() {
    return new ConnectorSpecification().withConnectionSpecification(Jsons.deserialize("""
        {"$schema": "http://json-schema.org/draft-07/schema#", "type": "object",
         "required": ["host", "port", "count"],
         "properties": {
           "host": {"type": "string"},
           "port": {"type": "integer", "minimum": 1, "maximum": 65535},
           "password": {"type": "string", "airbyte_secret": true},
           "count": {"type": "integer", "minimum": 0},
           "fail_with": {"type": "string", "enum": ["auth", "io", "refused", "bug", "config", "stdout"]}}}
        """));
  }

  @Override
  public void check(JsonNode config) throws Exception {
    LOG.info("checking " + config.get("host").asText());
    fail(config);
  }

  @Override
  public AirbyteCatalog discover(JsonNode config) throws Exception {
    fail(config);
    return new AirbyteCatalog().withStreams(List.of(new AirbyteStream().withName("numbers")
        .withJsonSchema(Jsons.deserialize("{\"type\":\"object\",\"properties\":{\"n\":{\"type\":\"integer\"}}}"))
        .withSupportedSyncModes(List.of(SyncMode.FULL_REFRESH, SyncMode.INCREMENTAL))));
  }

  @Override
  public void read(JsonNode config, ConfiguredAirbyteCatalog catalog, JsonNode state, Emitter output) throws Exception {
    int from = state == null ? 0 : state.get(0).at("/stream/stream_state/cursor").asInt();
    for (ConfiguredAirbyteStream stream : catalog.getStreams()) {
      StreamDescriptor descriptor = new StreamDescriptor().withName(stream.getStream().getName());
      output.streamStatus(descriptor, AirbyteStreamStatus.STARTED);
      for (int n = from + 1; n <= config.get("count").asInt(); n++) {
        int value = n;
        output.record(null, descriptor.getName(), g -> {
          g.writeStartObject();
          g.writeNumberField("n", value);
          g.writeEndObject();
        });
        output.state(new AirbyteStateMessage().withType(AirbyteStateType.STREAM)
            .withStream(new AirbyteStreamState().withStreamDescriptor(descriptor)
                .withStreamState(Jsons.object().put("cursor", n)))
            .withSourceStats(new AirbyteStateStats().withRecordCount(1.0)));
      }
      fail(config);
      output.streamStatus(descriptor, AirbyteStreamStatus.COMPLETE);
    }
  }

  private static void fail(JsonNode config) throws Exception {
    switch (config.path("fail_with").asText("")) {
      case "auth" -> throw new SQLException("FATAL: password authentication failed for user \"bob\"", "28P01");
      case "io" -> throw new IOException("connection reset by peer");
      case "refused" -> throw new SQLException("Connection to localhost:5432 refused. Check that the hostname and port are "
          + "correct and that the postmaster is accepting TCP/IP connections.", "08001");
      case "bug" -> throw new IllegalStateException("unexpected column type");
      case "config" -> throw new ConfigErrorException("Schema 'sales' does not exist: check 'schemas'");
      case "stdout" -> System.out.println("a library printing to stdout");
      default -> { }
    }
  }
}
