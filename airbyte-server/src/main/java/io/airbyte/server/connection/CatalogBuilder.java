package io.airbyte.server.connection;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.airbyte.db.connection.Connection;
import io.airbyte.protocol.json.Jsons;
import io.airbyte.protocol.models.AirbyteCatalog;
import io.airbyte.protocol.models.AirbyteStream;
import io.airbyte.protocol.models.ConfiguredAirbyteCatalog;
import io.airbyte.protocol.models.ConfiguredAirbyteStream;
import io.airbyte.protocol.models.SyncMode;
import io.airbyte.server.connection.ConnectionRequest.SelectedField;
import io.airbyte.server.connection.ConnectionRequest.StreamConfig;
import io.airbyte.server.error.ApiException;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns the request's stream configurations into a configured catalog, checked against the
 * discovered one: an unknown stream, a mode the stream does not support, a cursor or primary key
 * not in the schema, an incremental stream without a cursor, dedup without a primary key → 422
 * naming the stream and the field. No streams given: every stream, full refresh overwrite.
 */
final class CatalogBuilder {

  private CatalogBuilder() {}

  static ConfiguredAirbyteCatalog build(AirbyteCatalog discovered, List<StreamConfig> requested) {
    List<ConfiguredAirbyteStream> streams = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    if (requested == null || requested.isEmpty()) {
      for (AirbyteStream s : discovered.getStreams()) {
        streams.add(configured(s, SyncModes.FULL_REFRESH_OVERWRITE, null, null, null));
      }
      return new ConfiguredAirbyteCatalog().withStreams(streams);
    }
    for (int i = 0; i < requested.size(); i++) {
      StreamConfig config = requested.get(i);
      String at = "configurations.streams[" + i + "]";
      AirbyteStream stream = discovered.getStreams().stream()
          .filter(s -> s.getName().equals(config.name()) && (config.namespace() == null || config.namespace().equals(s.getNamespace())))
          .findFirst().orElse(null);
      if (stream == null) {
        problems.add(at + ".name: the source has no stream '" + config.name() + "'");
        continue;
      }
      SyncModes mode = config.syncMode() == null ? SyncModes.FULL_REFRESH_OVERWRITE : SyncModes.of(config.syncMode());
      if (mode == null) {
        problems.add(at + ".syncMode: '" + config.syncMode() + "' is not one of full_refresh_overwrite, "
            + "full_refresh_overwrite_deduped, full_refresh_append, incremental_append, incremental_deduped_history");
        continue;
      }
      if (stream.getSupportedSyncModes() == null || !stream.getSupportedSyncModes().contains(mode.source)) {
        problems.add(at + ".syncMode: stream '" + stream.getName() + "' does not support " + mode.value);
        continue;
      }
      JsonNode properties = stream.getJsonSchema() == null ? null : stream.getJsonSchema().get("properties");
      List<String> cursor = config.cursorField() != null && !config.cursorField().isEmpty() ? config.cursorField()
          : stream.getDefaultCursorField();
      if (mode.source == SyncMode.INCREMENTAL && !Boolean.TRUE.equals(stream.getSourceDefinedCursor())) {
        if (cursor == null || cursor.isEmpty()) {
          problems.add(at + ".cursorField: stream '" + stream.getName() + "' needs a cursor field for " + mode.value);
        } else if (!hasField(properties, cursor.get(0))) {
          problems.add(at + ".cursorField: stream '" + stream.getName() + "' has no field '" + cursor.get(0) + "'");
        }
      }
      List<List<String>> primaryKey = config.primaryKey() != null && !config.primaryKey().isEmpty() ? config.primaryKey()
          : stream.getSourceDefinedPrimaryKey();
      if (mode.dedup() && (primaryKey == null || primaryKey.isEmpty())) {
        problems.add(at + ".primaryKey: stream '" + stream.getName() + "' needs a primary key for " + mode.value);
      }
      if (primaryKey != null) {
        for (List<String> key : primaryKey) {
          if (key.isEmpty() || !hasField(properties, key.get(0))) {
            problems.add(at + ".primaryKey: stream '" + stream.getName() + "' has no field '" + String.join(".", key) + "'");
          }
        }
      }
      List<String> selected = null;
      if (config.selectedFields() != null && !config.selectedFields().isEmpty()) {
        selected = new ArrayList<>();
        for (SelectedField f : config.selectedFields()) {
          if (f.fieldPath() == null || f.fieldPath().isEmpty() || !hasField(properties, f.fieldPath().get(0))) {
            problems.add(at + ".selectedFields: stream '" + stream.getName() + "' has no field '"
                + (f.fieldPath() == null ? "" : String.join(".", f.fieldPath())) + "'");
          } else {
            selected.add(f.fieldPath().get(0));
          }
        }
      }
      streams.add(configured(stream, mode, mode.source == SyncMode.INCREMENTAL ? cursor : null, primaryKey, selected));
    }
    if (!problems.isEmpty()) {
      throw ApiException.unprocessable("The stream configurations do not fit the source's catalog", problems);
    }
    return new ConfiguredAirbyteCatalog().withStreams(streams);
  }

  private static boolean hasField(JsonNode properties, String field) {
    return properties != null && properties.has(field);
  }

  private static ConfiguredAirbyteStream configured(AirbyteStream stream, SyncModes mode, List<String> cursor,
      List<List<String>> primaryKey, List<String> selected) {
    ConfiguredAirbyteStream c = new ConfiguredAirbyteStream().withStream(stream).withSyncMode(mode.source)
        .withDestinationSyncMode(mode.destination).withCursorField(cursor).withPrimaryKey(primaryKey);
    if (selected != null) {
      ArrayNode fields = Jsons.mapper().createArrayNode();
      selected.forEach(fields::add);
      c.setAdditionalProperty(Connection.SELECTED_FIELDS, fields);
    }
    return c;
  }
}
