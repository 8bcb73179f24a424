package io.airbyte.db.job;

import java.util.Locale;

/** Airbyte's job statuses: incomplete = an attempt failed and another one will come. */
public enum JobStatus {
  PENDING,
  RUNNING,
  INCOMPLETE,
  FAILED,
  SUCCEEDED,
  CANCELLED;

  public String value() {
    return name().toLowerCase(Locale.ROOT);
  }

  public boolean isTerminal() {
    return this == FAILED || this == SUCCEEDED || this == CANCELLED;
  }

  public static JobStatus of(String value) {
    return valueOf(value.toUpperCase(Locale.ROOT));
  }
}
