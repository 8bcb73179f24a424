package io.airbyte.contract.command;

import java.util.UUID;

/**
 * A spec, check or discover for the API. A stored source or destination is named by {@code actorId}
 * (the worker reads and decrypts its config, so secrets stay out of Temporal's history); a config
 * not saved yet (or an edit) comes as {@code sealedConfig}, encrypted with the platform's secrets key
 * (AES-256-GCM), so no secret travels in clear through Temporal's history either.
 */
public record ConnectorCommandInput(String command, String actorType, String image, UUID actorId, String sealedConfig) {}
