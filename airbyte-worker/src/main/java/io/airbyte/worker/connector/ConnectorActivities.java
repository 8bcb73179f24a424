package io.airbyte.worker.connector;

import com.fasterxml.jackson.databind.JsonNode;
import io.airbyte.contract.connector.ConnectorRuntime;
import io.airbyte.protocol.models.AirbyteCatalog;
import io.airbyte.protocol.models.AirbyteConnectionStatus;
import io.airbyte.protocol.models.ConnectorSpecification;
import io.airbyte.worker.process.ConnectorRole;
import java.util.function.Consumer;

/**
 * The short connector jobs. A check whose credentials are wrong is a successful job with a FAILED
 * connection status; a failed job (the connector crashed, its image is missing, …) carries a
 * {@link io.airbyte.worker.failure.FailureReason}.
 */
public interface ConnectorActivities {

  ConnectorJobResult<ConnectorSpecification> spec(ConnectorRuntime connector);

  ConnectorJobResult<AirbyteConnectionStatus> check(ConnectorRole role, ConnectorRuntime connector, JsonNode config);

  ConnectorJobResult<AirbyteCatalog> discover(ConnectorRuntime connector, JsonNode config);

  /**
   * The same jobs, each of whose platform lines (the launch, an install's progress, warnings) also
   * goes to {@code lines} as it is written to the job's log: how a command's caller shows its progress.
   */
  ConnectorActivities reporting(Consumer<String> lines);
}
