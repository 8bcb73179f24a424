package io.airbyte.protocol.models;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/** The state of one stream. */
public final class AirbyteStreamState extends ProtocolObject {

  @JsonProperty("stream_descriptor")
  private StreamDescriptor streamDescriptor;

  @JsonProperty("stream_state")
  private JsonNode streamState;

  public StreamDescriptor getStreamDescriptor() {
    return streamDescriptor;
  }

  public void setStreamDescriptor(StreamDescriptor streamDescriptor) {
    this.streamDescriptor = streamDescriptor;
  }

  public AirbyteStreamState withStreamDescriptor(StreamDescriptor streamDescriptor) {
    this.streamDescriptor = streamDescriptor;
    return this;
  }

  public JsonNode getStreamState() {
    return streamState;
  }

  public void setStreamState(JsonNode streamState) {
    this.streamState = streamState;
  }

  public AirbyteStreamState withStreamState(JsonNode streamState) {
    this.streamState = streamState;
    return this;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    return o instanceof AirbyteStreamState other
        && Objects.equals(streamDescriptor, other.streamDescriptor)
        && Objects.equals(streamState, other.streamState)
        && sameAdditionalProperties(other);
  }

  @Override
  public int hashCode() {
    return Objects.hash(streamDescriptor, streamState, getAdditionalProperties());
  }
}
