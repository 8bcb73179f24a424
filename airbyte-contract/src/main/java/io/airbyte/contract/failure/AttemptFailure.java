package io.airbyte.scheduler.sync;

/** A failure of an attempt, with Airbyte's origins and types (see the worker's FailureReason). */
public record AttemptFailure(String failureOrigin, String failureType, boolean retryable, String externalMessage,
    String internalMessage, String stacktrace, long timestamp) {}
