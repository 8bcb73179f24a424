package io.airbyte.protocol.models;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/** A log line a connector sends to the platform. */
public final class AirbyteLogMessage extends ProtocolObject {

  /** Log level. */
  public enum Level {
    @JsonProperty("FATAL")
    FATAL,
    @JsonProperty("ERROR")
    ERROR,
    @JsonProperty("WARN")
    WARN,
    @JsonProperty("INFO")
    INFO,
    @JsonProperty("DEBUG")
    DEBUG,
    @JsonProperty("TRACE")
    TRACE
  }

  @JsonProperty("level")
  private Level level;

  @JsonProperty("message")
  private String message;

  @JsonProperty("stack_trace")
  private String stackTrace;

  public Level getLevel() {
    return level;
  }

  public void setLevel(Level level) {
    this.level = level;
  }

  public AirbyteLogMessage withLevel(Level level) {
    this.level = level;
    return this;
  }

  public String getMessage() {
    return message;
  }

  public void setMessage(String message) {
    this.message = message;
  }

  public AirbyteLogMessage withMessage(String message) {
    this.message = message;
    return this;
  }

  public String getStackTrace() {
    return stackTrace;
  }

  public void setStackTrace(String stackTrace) {
    this.stackTrace = stackTrace;
  }

  public AirbyteLogMessage withStackTrace(String stackTrace) {
    this.stackTrace = stackTrace;
    return this;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    return o instanceof AirbyteLogMessage other
        && Objects.equals(level, other.level)
        && Objects.equals(message, other.message)
        && Objects.equals(stackTrace, other.stackTrace)
        && sameAdditionalProperties(other);
  }

  @Override
  public int hashCode() {
    return Objects.hash(level, message, stackTrace, getAdditionalProperties());
  }
}
