package io.airbyte.protocol.models;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The type of state the other fields of an {@link AirbyteStateMessage} represent. */
public enum AirbyteStateType {
  @JsonProperty("GLOBAL")
  GLOBAL,
  @JsonProperty("STREAM")
  STREAM,
  @JsonProperty("LEGACY")
  LEGACY
}
