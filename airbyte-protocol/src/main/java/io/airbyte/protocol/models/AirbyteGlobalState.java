package io.airbyte.protocol.models;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Objects;

/** State shared by all streams plus the state of each stream. */
public final class AirbyteGlobalState extends ProtocolObject {

  @JsonProperty("shared_state")
  private JsonNode sharedState;

  @JsonProperty("stream_states")
  private List<AirbyteStreamState> streamStates;

  public JsonNode getSharedState() {
    return sharedState;
  }

  public void setSharedState(JsonNode sharedState) {
    this.sharedState = sharedState;
  }

  public AirbyteGlobalState withSharedState(JsonNode sharedState) {
    this.sharedState = sharedState;
    return this;
  }

  public List<AirbyteStreamState> getStreamStates() {
    return streamStates;
  }

  public void setStreamStates(List<AirbyteStreamState> streamStates) {
    this.streamStates = streamStates;
  }

  public AirbyteGlobalState withStreamStates(List<AirbyteStreamState> streamStates) {
    this.streamStates = streamStates;
    return this;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    return o instanceof AirbyteGlobalState other
        && Objects.equals(sharedState, other.sharedState)
        && Objects.equals(streamStates, other.streamStates)
        && sameAdditionalProperties(other);
  }

  @Override
  public int hashCode() {
    return Objects.hash(sharedState, streamStates, getAdditionalProperties());
  }
}
