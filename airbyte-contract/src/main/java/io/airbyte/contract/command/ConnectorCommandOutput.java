package io.airbyte.contract.command;

import com.fasterxml.jackson.databind.JsonNode;
import io.airbyte.contract.failure.AttemptFailure;

/**
 * The answer: for check, {@code succeeded} and the connector's message; for spec and discover, the
 * payload (the SPEC or CATALOG message's content) as JSON; {@code failure} when the command itself
 * could not run.
 */
public record ConnectorCommandOutput(boolean succeeded, String message, JsonNode payload, AttemptFailure failure,
    String logPath) {}
