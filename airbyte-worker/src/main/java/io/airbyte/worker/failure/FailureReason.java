package io.airbyte.worker.failure;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.airbyte.contract.failure.FailureOrigin;
import io.airbyte.contract.failure.FailureType;
import io.airbyte.protocol.models.AirbyteErrorTraceMessage;
import io.airbyte.protocol.models.StreamDescriptor;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;

/**
 * Why an attempt (or a connector job) failed, shaped as Airbyte's {@code FailureReason}:
 * {@code externalMessage} is for users, {@code internalMessage} and {@code stacktrace} for whoever
 * debugs it; {@code retryable} decides whether the scheduler tries again.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FailureReason(
    FailureOrigin failureOrigin,
    FailureType failureType,
    boolean retryable,
    String externalMessage,
    String internalMessage,
    String stacktrace,
    StreamDescriptor streamDescriptor,
    long timestamp) {

  public static FailureReason of(FailureOrigin origin, FailureType type, String externalMessage, String internalMessage) {
    return new FailureReason(origin, type, type.retryable(), externalMessage, internalMessage, null, null,
        Instant.now().toEpochMilli());
  }

  /** A connector's TRACE ERROR. */
  public static FailureReason fromTrace(FailureOrigin origin, AirbyteErrorTraceMessage error, double emittedAt) {
    FailureType type = FailureType.of(error.getFailureType());
    String external = error.getMessage() == null || error.getMessage().isBlank()
        ? "The " + origin.value() + " failed without a message"
        : error.getMessage();
    long at = emittedAt > 0 ? (long) emittedAt : Instant.now().toEpochMilli();
    return new FailureReason(origin, type, type.retryable(), external, error.getInternalMessage(), error.getStackTrace(),
        error.getStreamDescriptor(), at);
  }

  /** A failure of the platform's own code, with its stack trace. */
  public static FailureReason fromException(FailureOrigin origin, FailureType type, String externalMessage, Throwable e) {
    StringWriter trace = new StringWriter();
    e.printStackTrace(new PrintWriter(trace));
    return new FailureReason(origin, type, type.retryable(), externalMessage, String.valueOf(e.getMessage()),
        trace.toString(), null, Instant.now().toEpochMilli());
  }
}
