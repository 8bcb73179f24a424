package io.airbyte.contract.job;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * Airbyte's job types (a reset is a clear of every stream). Its value is what the API shows, the
 * {@code job.job_type} column stores and Temporal carries.
 */
public enum JobType {
  SYNC,
  RESET,
  REFRESH,
  CLEAR;

  @JsonValue
  public String value() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Clear and reset empty the destination's tables of their streams and run no source. */
  public boolean clears() {
    return this == CLEAR || this == RESET;
  }

  @JsonCreator
  public static JobType of(String value) {
    return valueOf(value.toUpperCase(Locale.ROOT));
  }
}
