package io.airbyte.protocol.models;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The status of a stream within a running sync. */
public enum AirbyteStreamStatus {
  @JsonProperty("STARTED")
  STARTED,
  @JsonProperty("RUNNING")
  RUNNING,
  @JsonProperty("COMPLETE")
  COMPLETE,
  @JsonProperty("INCOMPLETE")
  INCOMPLETE
}
