package io.airbyte.connectors.source.faker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.airbyte.connector.kit.ConfigErrorException;
import io.airbyte.connector.kit.ConnectorRunner;
import io.airbyte.connector.kit.Emitter;
import io.airbyte.connector.kit.Source;
import io.airbyte.protocol.models.AirbyteCatalog;
import io.airbyte.protocol.models.AirbyteStream;
import io.airbyte.protocol.models.ConfiguredAirbyteCatalog;
import io.airbyte.protocol.models.ConfiguredAirbyteStream;
import io.airbyte.protocol.models.SyncMode;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Airbyte's sample-data source: users, products and purchases of a fake shop, deterministic for a seed. */
public final class FakerSource implements Source {

  static final List<FakeStream> STREAMS = List.of(new UsersStream(), new ProductsStream(), new PurchasesStream());

  private final Clock clock;

  public FakerSource() {
    this(Clock.systemUTC());
  }

  FakerSource(Clock clock) {
    this.clock = clock;
  }

  public static void main(String[] args) {
    ConnectorRunner.main(new FakerSource(), args);
  }

  @Override
  public void check(JsonNode config) {
    FakerConfig.from(config); // the spec validated it: a count, a seed; nothing to connect to
  }

  @Override
  public AirbyteCatalog discover(JsonNode config) {
    return new AirbyteCatalog().withStreams(STREAMS.stream().map(FakerSource::stream).toList());
  }

  private static AirbyteStream stream(FakeStream stream) {
    return new AirbyteStream()
        .withName(stream.name())
        .withJsonSchema(stream.jsonSchema())
        .withSupportedSyncModes(List.of(SyncMode.FULL_REFRESH, SyncMode.INCREMENTAL))
        .withSourceDefinedCursor(true)
        .withDefaultCursorField(List.of("updated_at"))
        .withSourceDefinedPrimaryKey(List.of(List.of("id")))
        .withIsResumable(true);
  }

  @Override
  public void read(JsonNode json, ConfiguredAirbyteCatalog catalog, JsonNode state, Emitter output) throws Exception {
    FakerConfig config = FakerConfig.from(json);
    Map<String, FakeStream> byName = STREAMS.stream().collect(Collectors.toMap(FakeStream::name, Function.identity()));
    Map<String, JsonNode> states = streamStates(state);
    try (FakerStreamReader reader = new FakerStreamReader(config, output, clock)) {
      for (ConfiguredAirbyteStream configured : catalog.getStreams()) {
        FakeStream stream = byName.get(configured.getStream().getName());
        if (stream == null) {
          throw new ConfigErrorException("stream '" + configured.getStream().getName() + "' is not one of "
              + byName.keySet());
        }
        reader.read(stream, configured.getSyncMode() == SyncMode.INCREMENTAL, configured.getSyncId(),
            states.get(stream.name()));
      }
    }
  }

  /** The stream_state of each stream in the --state file (STREAM states; Airbyte's faker has no namespace). */
  private static Map<String, JsonNode> streamStates(JsonNode state) {
    Map<String, JsonNode> states = new java.util.HashMap<>();
    if (state != null && state.isArray()) {
      for (JsonNode message : state) {
        JsonNode stream = message.path("stream");
        if (stream.path("stream_descriptor").hasNonNull("name") && stream.get("stream_state") instanceof ObjectNode s) {
          states.put(stream.path("stream_descriptor").get("name").asText(), s);
        }
      }
    }
    return states;
  }
}
