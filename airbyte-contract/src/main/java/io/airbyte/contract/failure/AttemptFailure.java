package io.airbyte.contract.failure;

/**
 * A failure of an attempt (or of a connector command), with Airbyte's origins and types: the first
 * of an attempt's failures is its cause, and its {@code retryable} decides whether another attempt
 * comes. Stored as it is in the attempt's failure summary.
 */
public record AttemptFailure(FailureOrigin failureOrigin, FailureType failureType, boolean retryable, String externalMessage,
    String internalMessage, String stacktrace, long timestamp) {}
