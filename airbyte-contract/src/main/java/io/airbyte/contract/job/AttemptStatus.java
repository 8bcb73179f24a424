package io.airbyte.contract.job;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * How an attempt stands: running, or how it ended. Its value is what the API shows, the
 * {@code attempt.status} column stores and Temporal carries.
 */
public enum AttemptStatus {
  RUNNING,
  FAILED,
  SUCCEEDED,
  CANCELLED;

  @JsonValue
  public String value() {
    return name().toLowerCase(Locale.ROOT);
  }

  @JsonCreator
  public static AttemptStatus of(String value) {
    return valueOf(value.toUpperCase(Locale.ROOT));
  }
}
