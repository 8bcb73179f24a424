package io.airbyte.protocol.models;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/** The result of {@code check}. */
public final class AirbyteConnectionStatus extends ProtocolObject {

  /** Whether the check succeeded. */
  public enum Status {
    @JsonProperty("SUCCEEDED")
    SUCCEEDED,
    @JsonProperty("FAILED")
    FAILED
  }

  @JsonProperty("status")
  private Status status;

  @JsonProperty("message")
  private String message;

  public Status getStatus() {
    return status;
  }

  public void setStatus(Status status) {
    this.status = status;
  }

  public AirbyteConnectionStatus withStatus(Status status) {
    this.status = status;
    return this;
  }

  public String getMessage() {
    return message;
  }

  public void setMessage(String message) {
    this.message = message;
  }

  public AirbyteConnectionStatus withMessage(String message) {
    this.message = message;
    return this;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    return o instanceof AirbyteConnectionStatus other
        && Objects.equals(status, other.status)
        && Objects.equals(message, other.message)
        && sameAdditionalProperties(other);
  }

  @Override
  public int hashCode() {
    return Objects.hash(status, message, getAdditionalProperties());
  }
}
