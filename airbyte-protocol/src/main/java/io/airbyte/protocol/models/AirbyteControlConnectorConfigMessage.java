package io.airbyte.protocol.models;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/** The config items of a connector's spec to update. */
public final class AirbyteControlConnectorConfigMessage extends ProtocolObject {

  @JsonProperty("config")
  private JsonNode config;

  public JsonNode getConfig() {
    return config;
  }

  public void setConfig(JsonNode config) {
    this.config = config;
  }

  public AirbyteControlConnectorConfigMessage withConfig(JsonNode config) {
    this.config = config;
    return this;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    return o instanceof AirbyteControlConnectorConfigMessage other
        && Objects.equals(config, other.config)
        && sameAdditionalProperties(other);
  }

  @Override
  public int hashCode() {
    return Objects.hash(config, getAdditionalProperties());
  }
}
