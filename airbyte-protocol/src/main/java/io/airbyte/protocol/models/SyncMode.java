package io.airbyte.protocol.models;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How a source reads a stream. */
public enum SyncMode {
  @JsonProperty("full_refresh")
  FULL_REFRESH,
  @JsonProperty("incremental")
  INCREMENTAL
}
