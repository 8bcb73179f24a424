package io.airbyte.protocol.models;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Objects;

/** The streams a source offers. */
public final class AirbyteCatalog extends ProtocolObject {

  @JsonProperty("streams")
  private List<AirbyteStream> streams;

  public List<AirbyteStream> getStreams() {
    return streams;
  }

  public void setStreams(List<AirbyteStream> streams) {
    this.streams = streams;
  }

  public AirbyteCatalog withStreams(List<AirbyteStream> streams) {
    this.streams = streams;
    return this;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    return o instanceof AirbyteCatalog other
        && Objects.equals(streams, other.streams)
        && sameAdditionalProperties(other);
  }

  @Override
  public int hashCode() {
    return Objects.hash(streams, getAdditionalProperties());
  }
}
