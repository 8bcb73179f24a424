package io.airbyte.contract.sync;

import io.airbyte.contract.failure.AttemptFailure;

/**
 * A connection check before an attempt: succeeded, or the connector's message and the failure it makes
 * of the attempt (a config error, not retried; a transient or system error the connector traced, or the
 * reason the check could not run, retried as the type says).
 */
public record CheckResult(boolean succeeded, String message, AttemptFailure failure) {}
