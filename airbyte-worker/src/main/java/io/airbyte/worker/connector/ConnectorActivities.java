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

  /**
   * A check whose launch lines (a Python connector's install on its first use: pip's lines) also go to
   * {@code launchProgress}, e.g. the log of the sync attempt the check belongs to.
   */
  default ConnectorJobResult<AirbyteConnectionStatus> check(ConnectorRole role, ConnectorRuntime connector, JsonNode config,
      Consumer<String> launchProgress) {
    return check(role, connector, config);
  }

  ConnectorJobResult<AirbyteCatalog> discover(ConnectorRuntime connector, JsonNode config);
}
