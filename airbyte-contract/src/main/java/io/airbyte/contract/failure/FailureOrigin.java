package io.airbyte.contract.failure;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * Which side of a sync a failure came from. Its value is Airbyte's {@code failureOrigin}: what the
 * API shows, what the attempts' failure summaries store and what Temporal carries.
 */
public enum FailureOrigin {
  SOURCE("source"),
  DESTINATION("destination"),
  REPLICATION("replication"),
  PLATFORM("airbyte_platform");

  private final String value;

  FailureOrigin(String value) {
    this.value = value;
  }

  @JsonValue
  public String value() {
    return value;
  }

  /** The origin of a value (any case); an unknown one is refused. */
  @JsonCreator
  public static FailureOrigin of(String value) {
    for (FailureOrigin origin : values()) {
      if (origin.value.equals(value.toLowerCase(Locale.ROOT))) {
        return origin;
      }
    }
    throw new IllegalArgumentException("unknown failure origin '" + value + "'");
  }
}
