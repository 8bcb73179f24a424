package io.airbyte.server.connection;

import io.airbyte.contract.connection.NamespaceDefinition;
import io.airbyte.db.connection.Connection;
import io.airbyte.protocol.models.ConfiguredAirbyteStream;
import io.airbyte.server.connection.ConnectionRequest.ScheduleBody;
import io.airbyte.server.connection.ConnectionRequest.SelectedField;
import io.airbyte.server.connection.ConnectionRequest.StreamConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A connection as Airbyte's public API shows it. */
public record ConnectionResponse(UUID connectionId, String name, UUID sourceId, UUID destinationId, UUID workspaceId,
    String status, ScheduleBody schedule, String nonBreakingSchemaUpdatesBehavior, String namespaceDefinition,
    String namespaceFormat, String prefix, ConnectionRequest.Configurations configurations, long createdAt) {

  static ConnectionResponse of(Connection c, UUID workspaceId) {
    List<StreamConfig> streams = new ArrayList<>();
    for (ConfiguredAirbyteStream s : c.catalog().getStreams()) {
      List<SelectedField> selected = null;
      var fields = s.getAdditionalProperties().get(Connection.SELECTED_FIELDS);
      if (fields != null && fields.isArray()) {
        selected = new ArrayList<>();
        for (var f : fields) {
          selected.add(new SelectedField(List.of(f.asText())));
        }
      }
      streams.add(new StreamConfig(s.getStream().getName(), s.getStream().getNamespace(),
          SyncModes.of(s.getSyncMode(), s.getDestinationSyncMode()).value(), s.getCursorField(), s.getPrimaryKey(), selected));
    }
    return new ConnectionResponse(c.id(), c.name(), c.sourceId(), c.destinationId(), workspaceId, c.status(),
        Schedules.toApi(c.schedule()), c.nonBreakingChangePreference().equals("disable") ? "disable_connection"
            : c.nonBreakingChangePreference(),
        c.namespaceDefinition() == NamespaceDefinition.CUSTOM_FORMAT ? "custom_format" : c.namespaceDefinition().value(),
        c.namespaceFormat(),
        c.prefix(), new ConnectionRequest.Configurations(streams), c.createdAt().getEpochSecond());
  }
}
