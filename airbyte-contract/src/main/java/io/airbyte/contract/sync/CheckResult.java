package io.airbyte.contract.sync;

import io.airbyte.contract.failure.AttemptFailure;

/** A connection check before an attempt: succeeded, or the connector's message, or why it could not run. */
public record CheckResult(boolean succeeded, String message, AttemptFailure failure) {}
