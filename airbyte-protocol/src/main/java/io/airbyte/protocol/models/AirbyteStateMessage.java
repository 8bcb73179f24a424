package io.airbyte.protocol.models;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/** A checkpoint: STREAM, GLOBAL or (deprecated) LEGACY state, with the record counts it covers. */
public final class AirbyteStateMessage extends ProtocolObject {

  @JsonProperty("type")
  private AirbyteStateType type;

  @JsonProperty("stream")
  private AirbyteStreamState stream;

  @JsonProperty("global")
  private AirbyteGlobalState global;

  @JsonProperty("data")
  private JsonNode data;

  @JsonProperty("sourceStats")
  private AirbyteStateStats sourceStats;

  @JsonProperty("destinationStats")
  private AirbyteStateStats destinationStats;

  public AirbyteStateType getType() {
    return type;
  }

  public void setType(AirbyteStateType type) {
    this.type = type;
  }

  public AirbyteStateMessage withType(AirbyteStateType type) {
    this.type = type;
    return this;
  }

  public AirbyteStreamState getStream() {
    return stream;
  }

  public void setStream(AirbyteStreamState stream) {
    this.stream = stream;
  }

  public AirbyteStateMessage withStream(AirbyteStreamState stream) {
    this.stream = stream;
    return this;
  }

  public AirbyteGlobalState getGlobal() {
    return global;
  }

  public void setGlobal(AirbyteGlobalState global) {
    this.global = global;
  }

  public AirbyteStateMessage withGlobal(AirbyteGlobalState global) {
    this.global = global;
    return this;
  }

  public JsonNode getData() {
    return data;
  }

  public void setData(JsonNode data) {
    this.data = data;
  }

  public AirbyteStateMessage withData(JsonNode data) {
    this.data = data;
    return this;
  }

  public AirbyteStateStats getSourceStats() {
    return sourceStats;
  }

  public void setSourceStats(AirbyteStateStats sourceStats) {
    this.sourceStats = sourceStats;
  }

  public AirbyteStateMessage withSourceStats(AirbyteStateStats sourceStats) {
    this.sourceStats = sourceStats;
    return this;
  }

  public AirbyteStateStats getDestinationStats() {
    return destinationStats;
  }

  public void setDestinationStats(AirbyteStateStats destinationStats) {
    this.destinationStats = destinationStats;
  }

  public AirbyteStateMessage withDestinationStats(AirbyteStateStats destinationStats) {
    this.destinationStats = destinationStats;
    return this;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    return o instanceof AirbyteStateMessage other
        && Objects.equals(type, other.type)
        && Objects.equals(stream, other.stream)
        && Objects.equals(global, other.global)
        && Objects.equals(data, other.data)
        && Objects.equals(sourceStats, other.sourceStats)
        && Objects.equals(destinationStats, other.destinationStats)
        && sameAdditionalProperties(other);
  }

  @Override
  public int hashCode() {
    return Objects.hash(type, stream, global, data, sourceStats, destinationStats, getAdditionalProperties());
  }
}
