package io.airbyte.connector.kit;

import com.fasterxml.jackson.databind.JsonNode;
import io.airbyte.protocol.json.Jsons;
import io.airbyte.protocol.models.AirbyteMessage;
import io.airbyte.protocol.models.ConfiguredAirbyteCatalog;
import io.airbyte.protocol.models.ConnectorSpecification;
import java.util.ArrayList;
import java.util.List;

/** A destination for the kit's tests: keeps the records it reads and echoes every state after them. */
final class CollectingDestination implements Destination {

  final List<AirbyteMessage> records = new ArrayList<>();

  @Override
  public ConnectorSpecification spec() {
    return new ConnectorSpecification().withConnectionSpecification(Jsons.deserialize(
        "{\"type\":\"object\",\"required\":[\"path\"],\"properties\":{\"path\":{\"type\":\"string\"}}}"));
  }

  @Override
  public void check(JsonNode config) {
  }

  @Override
  public void write(JsonNode config, ConfiguredAirbyteCatalog catalog, MessageInput input, Emitter output)
      throws Exception {
    for (AirbyteMessage m = input.next(); m != null; m = input.next()) {
      switch (m.getType()) {
        case RECORD -> records.add(m);
        case STATE -> output.state(m.getState());
        default -> { }
      }
    }
  }
}
