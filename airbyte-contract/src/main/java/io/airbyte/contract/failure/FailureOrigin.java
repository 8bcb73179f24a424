package io.airbyte.worker.failure;

import com.fasterxml.jackson.annotation.JsonValue;

/** Which side of a sync a failure came from; JSON values as Airbyte's {@code failureOrigin}. */
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
}
