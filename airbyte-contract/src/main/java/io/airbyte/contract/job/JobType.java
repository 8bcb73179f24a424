package io.airbyte.db.job;

import java.util.Locale;

/** Airbyte's job types (a reset is a clear of every stream). */
public enum JobType {
  SYNC,
  RESET,
  REFRESH,
  CLEAR;

  public String value() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static JobType of(String value) {
    return valueOf(value.toUpperCase(Locale.ROOT));
  }
}
