package io.airbyte.contract.command;

import com.fasterxml.jackson.databind.JsonNode;
import io.airbyte.contract.connector.ActorType;
import io.airbyte.contract.connector.ConnectorRuntime;
import java.util.UUID;

/**
 * A spec, check or discover for the API, of the connector {@code runtime} runs. A stored source or
 * destination is named by {@code actorId}
 * (the worker reads and decrypts its config, so secrets stay out of Temporal's history); a config
 * not saved yet (or an edit) comes as {@code sealedConfig}, encrypted with the platform's secrets key
 * (AES-256-GCM), so no secret travels in clear through Temporal's history either. {@code parameters}
 * are the command's own, for a test read {@code {"stream", "state", "record_limit", "page_limit",
 * "slice_limit"}}; null for the others.
 */
public record ConnectorCommandInput(ConnectorCommand command, ActorType actorType, ConnectorRuntime runtime, UUID actorId,
    String sealedConfig, JsonNode parameters) {

  public ConnectorCommandInput(ConnectorCommand command, ActorType actorType, ConnectorRuntime runtime, UUID actorId,
      String sealedConfig) {
    this(command, actorType, runtime, actorId, sealedConfig, null);
  }
}
