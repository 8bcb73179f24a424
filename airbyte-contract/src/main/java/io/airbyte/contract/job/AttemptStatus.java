package io.airbyte.db.job;

import java.util.Locale;

public enum AttemptStatus {
  RUNNING,
  FAILED,
  SUCCEEDED,
  CANCELLED;

  public String value() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static AttemptStatus of(String value) {
    return valueOf(value.toUpperCase(Locale.ROOT));
  }
}
