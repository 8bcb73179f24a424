package io.airbyte.protocol.models;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Objects;

/** The streams selected for a sync, each with its sync modes. */
public final class ConfiguredAirbyteCatalog extends ProtocolObject {

  @JsonProperty("streams")
  private List<ConfiguredAirbyteStream> streams;

  public List<ConfiguredAirbyteStream> getStreams() {
    return streams;
  }

  public void setStreams(List<ConfiguredAirbyteStream> streams) {
    this.streams = streams;
  }

  public ConfiguredAirbyteCatalog withStreams(List<ConfiguredAirbyteStream> streams) {
    this.streams = streams;
    return this;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    return o instanceof ConfiguredAirbyteCatalog other
        && Objects.equals(streams, other.streams)
        && sameAdditionalProperties(other);
  }

  @Override
  public int hashCode() {
    return Objects.hash(streams, getAdditionalProperties());
  }
}
