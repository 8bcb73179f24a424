package io.airbyte.scheduler.command;

import java.util.UUID;

/**
 * A spec, check or discover for the API. A stored source or destination is named by {@code actorId}
 * (the worker reads and decrypts its config, so secrets stay out of Temporal's history); a config
 * not saved yet comes as {@code configJson}.
 */
public record ConnectorCommandInput(String command, String actorType, String image, UUID actorId, String configJson) {}
