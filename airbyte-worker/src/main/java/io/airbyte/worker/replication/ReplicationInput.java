package io.airbyte.worker.replication;

import com.fasterxml.jackson.databind.JsonNode;
import io.airbyte.contract.connector.ConnectorRuntime;
import io.airbyte.protocol.models.AirbyteStateMessage;
import io.airbyte.protocol.models.ConfiguredAirbyteCatalog;
import java.util.List;
import java.util.Objects;

/**
 * One attempt of a sync: the connectors and their configs, the connection's configured catalog
 * (source names, selected streams only), its field selection and namespace mapping, the state to
 * start from, and whether records go in the typed-rows format ({@link io.airbyte.protocol.rows.TypedRows}:
 * both connectors declare it) rather than as JSON lines. Without a source ({@code source} null) the destination gets every stream as complete
 * and empty: that is how clear and reset empty its tables.
 */
public record ReplicationInput(
    String connectionId,
    String jobId,
    int attempt,
    ConnectorRuntime source,
    JsonNode sourceConfig,
    ConnectorRuntime destination,
    JsonNode destinationConfig,
    ConfiguredAirbyteCatalog catalog,
    List<FieldSelection> fieldSelections,
    NamespaceMapping namespaceMapping,
    List<AirbyteStateMessage> state,
    boolean typedRows) {

  /** An attempt whose records go as JSON lines. */
  public ReplicationInput(String connectionId, String jobId, int attempt, ConnectorRuntime source, JsonNode sourceConfig,
      ConnectorRuntime destination, JsonNode destinationConfig, ConfiguredAirbyteCatalog catalog,
      List<FieldSelection> fieldSelections, NamespaceMapping namespaceMapping, List<AirbyteStateMessage> state) {
    this(connectionId, jobId, attempt, source, sourceConfig, destination, destinationConfig, catalog, fieldSelections,
        namespaceMapping, state, false);
  }

  public ReplicationInput {
    Objects.requireNonNull(connectionId, "connectionId");
    Objects.requireNonNull(jobId, "jobId");
    Objects.requireNonNull(destination, "destination");
    Objects.requireNonNull(catalog, "catalog");
    fieldSelections = fieldSelections == null ? List.of() : List.copyOf(fieldSelections);
    namespaceMapping = namespaceMapping == null ? NamespaceMapping.identity() : namespaceMapping;
    state = state == null ? List.of() : List.copyOf(state);
  }

  public boolean clearing() {
    return source == null;
  }
}
