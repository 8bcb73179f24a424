package io.airbyte.contract.job;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * Airbyte's job statuses: incomplete = an attempt failed and another one will come. Its value is
 * what the API shows, the {@code job.status} column stores and Temporal carries.
 */
public enum JobStatus {
  PENDING,
  RUNNING,
  INCOMPLETE,
  FAILED,
  SUCCEEDED,
  CANCELLED;

  @JsonValue
  public String value() {
    return name().toLowerCase(Locale.ROOT);
  }

  public boolean isTerminal() {
    return this == FAILED || this == SUCCEEDED || this == CANCELLED;
  }

  @JsonCreator
  public static JobStatus of(String value) {
    return valueOf(value.toUpperCase(Locale.ROOT));
  }
}
