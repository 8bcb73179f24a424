package io.airbyte.contract.failure;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.airbyte.protocol.models.AirbyteErrorTraceMessage;
import java.util.Locale;

/**
 * What kind of failure. Its value is Airbyte's {@code failureType}: what the API shows, what the
 * attempts' failure summaries store and what Temporal carries.
 */
public enum FailureType {
  CONFIG_ERROR("config_error", false),
  SYSTEM_ERROR("system_error", true),
  TRANSIENT_ERROR("transient_error", true),
  HEARTBEAT_TIMEOUT("heartbeat_timeout", true),
  MANUAL_CANCELLATION("manual_cancellation", false);

  private final String value;
  private final boolean retryable;

  FailureType(String value, boolean retryable) {
    this.value = value;
    this.retryable = retryable;
  }

  @JsonValue
  public String value() {
    return value;
  }

  /** Whether another attempt may succeed: a wrong config or a cancellation will not change by retrying. */
  public boolean retryable() {
    return retryable;
  }

  /** The type of a value (any case); an unknown one is refused. */
  @JsonCreator
  public static FailureType of(String value) {
    for (FailureType type : values()) {
      if (type.value.equals(value.toLowerCase(Locale.ROOT))) {
        return type;
      }
    }
    throw new IllegalArgumentException("unknown failure type '" + value + "'");
  }

  /** The type a connector's TRACE ERROR names; a missing type is a system error, as in Airbyte. */
  public static FailureType of(AirbyteErrorTraceMessage.FailureType traceType) {
    if (traceType == null) {
      return SYSTEM_ERROR;
    }
    return switch (traceType) {
      case CONFIG_ERROR -> CONFIG_ERROR;
      case TRANSIENT_ERROR -> TRANSIENT_ERROR;
      case SYSTEM_ERROR -> SYSTEM_ERROR;
    };
  }
}
