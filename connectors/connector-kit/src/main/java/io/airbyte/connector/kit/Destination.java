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

  /**
   * The largest message (a record with all its values) {@code write} reads, unless the environment sets
   * another ({@link RecordSizeLimit}): a longer one fails the write, naming its stream, rather than
   * being held in memory. By default {@link RecordSizeLimit#DEFAULT_BYTES}.
   *
   * @param config the config, validated against the spec
   */
  default long maxRecordBytes(JsonNode config) {
    return RecordSizeLimit.DEFAULT_BYTES;
  }
}
