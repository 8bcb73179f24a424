package io.airbyte.connector.kit;

import com.fasterxml.jackson.databind.JsonNode;
import io.airbyte.protocol.models.AirbyteCatalog;
import io.airbyte.protocol.models.ConfiguredAirbyteCatalog;

/** A connector that reads data. */
public interface Source extends Connector {

  AirbyteCatalog discover(JsonNode config) throws Exception;

  /**
   * Emits the records of the configured streams, with STATE messages as checkpoints.
   *
   * @param state the content of the {@code --state} file (an array of state messages, or a legacy
   *     state object), or null when there is none
   */
  void read(JsonNode config, ConfiguredAirbyteCatalog catalog, JsonNode state, Emitter output) throws Exception;
}
