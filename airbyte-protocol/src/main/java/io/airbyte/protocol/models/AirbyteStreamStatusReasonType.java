package io.airbyte.protocol.models;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Type of a stream status reason. */
public enum AirbyteStreamStatusReasonType {
  @JsonProperty("RATE_LIMITED")
  RATE_LIMITED
}
