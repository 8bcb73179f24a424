package io.airbyte.scheduler.sync;

/** A connection check before an attempt: succeeded, or the connector's message, or why it could not run. */
public record CheckResult(boolean succeeded, String message, AttemptFailure failure) {}
