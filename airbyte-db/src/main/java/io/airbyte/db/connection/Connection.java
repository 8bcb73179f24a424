package io.airbyte.db.connection;

import io.airbyte.contract.connection.NamespaceDefinition;
import io.airbyte.contract.schedule.Schedule;
import io.airbyte.protocol.models.ConfiguredAirbyteCatalog;
import java.time.Instant;
import java.util.UUID;

/**
 * A connection. Its catalog is the configured catalog (source names, selected streams); a stream's
 * field selection is kept in the stream's {@code selected_fields} property.
 */
public record Connection(
    UUID id,
    UUID sourceId,
    UUID destinationId,
    String name,
    ConfiguredAirbyteCatalog catalog,
    NamespaceDefinition namespaceDefinition,
    String namespaceFormat,
    String prefix,
    Schedule schedule,
    String nonBreakingChangePreference,
    String status,
    String statusReason,
    Instant createdAt,
    Instant updatedAt) {

  public static final String SELECTED_FIELDS = "selected_fields";

  public boolean isActive() {
    return "active".equals(status);
  }
}
