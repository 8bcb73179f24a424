package io.airbyte.scheduler.command;

import io.airbyte.scheduler.sync.AttemptFailure;

/**
 * The answer: for check, {@code succeeded} and the connector's message; for spec and discover, the
 * payload as JSON; {@code failure} when the command itself could not run.
 */
public record ConnectorCommandOutput(boolean succeeded, String message, String payloadJson, AttemptFailure failure,
    String logPath) {}
