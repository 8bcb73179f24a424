package io.airbyte.connector.kit;

import com.fasterxml.jackson.databind.JsonNode;
import io.airbyte.protocol.models.ConfiguredAirbyteCatalog;

/** A connector that writes data. */
public interface Destination extends Connector {

  /**
   * Writes the messages of {@code input} (records and states of a source). A STATE may be emitted
   * on {@code output} only once every record before it is durably committed.
   */
  void write(JsonNode config, ConfiguredAirbyteCatalog catalog, MessageInput input, Emitter output) throws Exception;
}
