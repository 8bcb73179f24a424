package io.airbyte.protocol.models;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/** A message to the orchestrator, such as an updated connector config to persist. */
public final class AirbyteControlMessage extends ProtocolObject {

  /** The type of control message. */
  public enum Type {
    @JsonProperty("CONNECTOR_CONFIG")
    CONNECTOR_CONFIG
  }

  @JsonProperty("type")
  private Type type;

  @JsonProperty("emitted_at")
  private Double emittedAt;

  @JsonProperty("connectorConfig")
  private AirbyteControlConnectorConfigMessage connectorConfig;

  public Type getType() {
    return type;
  }

  public void setType(Type type) {
    this.type = type;
  }

  public AirbyteControlMessage withType(Type type) {
    this.type = type;
    return this;
  }

  public Double getEmittedAt() {
    return emittedAt;
  }

  public void setEmittedAt(Double emittedAt) {
    this.emittedAt = emittedAt;
  }

  public AirbyteControlMessage withEmittedAt(Double emittedAt) {
    this.emittedAt = emittedAt;
    return this;
  }

  public AirbyteControlConnectorConfigMessage getConnectorConfig() {
    return connectorConfig;
  }

  public void setConnectorConfig(AirbyteControlConnectorConfigMessage connectorConfig) {
    this.connectorConfig = connectorConfig;
  }

  public AirbyteControlMessage withConnectorConfig(AirbyteControlConnectorConfigMessage connectorConfig) {
    this.connectorConfig = connectorConfig;
    return this;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    return o instanceof AirbyteControlMessage other
        && Objects.equals(type, other.type)
        && Objects.equals(emittedAt, other.emittedAt)
        && Objects.equals(connectorConfig, other.connectorConfig)
        && sameAdditionalProperties(other);
  }

  @Override
  public int hashCode() {
    return Objects.hash(type, emittedAt, connectorConfig, getAdditionalProperties());
  }
}
