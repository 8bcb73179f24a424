package io.airbyte.worker.connector;

import com.fasterxml.jackson.databind.JsonNode;
import io.airbyte.protocol.models.AirbyteCatalog;
import io.airbyte.protocol.models.AirbyteConnectionStatus;
import io.airbyte.protocol.models.ConnectorSpecification;
import io.airbyte.worker.process.ConnectorDefinition;
import io.airbyte.worker.process.ConnectorRole;

/**
 * The short connector jobs. A check whose credentials are wrong is a successful job with a FAILED
 * connection status; a failed job (the connector crashed, its image is missing, …) carries a
 * {@link io.airbyte.worker.failure.FailureReason}.
 */
public interface ConnectorActivities {

  ConnectorJobResult<ConnectorSpecification> spec(ConnectorDefinition connector);

  ConnectorJobResult<AirbyteConnectionStatus> check(ConnectorRole role, ConnectorDefinition connector, JsonNode config);

  ConnectorJobResult<AirbyteCatalog> discover(ConnectorDefinition connector, JsonNode config);
}
