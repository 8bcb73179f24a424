package io.airbyte.protocol.models;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/** An error with its failure type, which decides how the platform retries. */
public final class AirbyteErrorTraceMessage extends ProtocolObject {

  /** The type of error. */
  public enum FailureType {
    @JsonProperty("system_error")
    SYSTEM_ERROR,
    @JsonProperty("config_error")
    CONFIG_ERROR,
    @JsonProperty("transient_error")
    TRANSIENT_ERROR
  }

  @JsonProperty("message")
  private String message;

  @JsonProperty("internal_message")
  private String internalMessage;

  @JsonProperty("stack_trace")
  private String stackTrace;

  @JsonProperty("failure_type")
  private FailureType failureType;

  @JsonProperty("stream_descriptor")
  private StreamDescriptor streamDescriptor;

  public String getMessage() {
    return message;
  }

  public void setMessage(String message) {
    this.message = message;
  }

  public AirbyteErrorTraceMessage withMessage(String message) {
    this.message = message;
    return this;
  }

  public String getInternalMessage() {
    return internalMessage;
  }

  public void setInternalMessage(String internalMessage) {
    this.internalMessage = internalMessage;
  }

  public AirbyteErrorTraceMessage withInternalMessage(String internalMessage) {
    this.internalMessage = internalMessage;
    return this;
  }

  public String getStackTrace() {
    return stackTrace;
  }

  public void setStackTrace(String stackTrace) {
    this.stackTrace = stackTrace;
  }

  public AirbyteErrorTraceMessage withStackTrace(String stackTrace) {
    this.stackTrace = stackTrace;
    return this;
  }

  public FailureType getFailureType() {
    return failureType;
  }

  public void setFailureType(FailureType failureType) {
    this.failureType = failureType;
  }

  public AirbyteErrorTraceMessage withFailureType(FailureType failureType) {
    this.failureType = failureType;
    return this;
  }

  public StreamDescriptor getStreamDescriptor() {
    return streamDescriptor;
  }

  public void setStreamDescriptor(StreamDescriptor streamDescriptor) {
    this.streamDescriptor = streamDescriptor;
  }

  public AirbyteErrorTraceMessage withStreamDescriptor(StreamDescriptor streamDescriptor) {
    this.streamDescriptor = streamDescriptor;
    return this;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    return o instanceof AirbyteErrorTraceMessage other
        && Objects.equals(message, other.message)
        && Objects.equals(internalMessage, other.internalMessage)
        && Objects.equals(stackTrace, other.stackTrace)
        && Objects.equals(failureType, other.failureType)
        && Objects.equals(streamDescriptor, other.streamDescriptor)
        && sameAdditionalProperties(other);
  }

  @Override
  public int hashCode() {
    return Objects.hash(message, internalMessage, stackTrace, failureType, streamDescriptor, getAdditionalProperties());
  }
}
