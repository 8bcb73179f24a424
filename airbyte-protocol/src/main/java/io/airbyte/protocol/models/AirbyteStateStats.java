package io.airbyte.protocol.models;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/** Record counts covered by a state message (doubles, as the protocol defines them). */
public final class AirbyteStateStats extends ProtocolObject {

  @JsonProperty("recordCount")
  private Double recordCount;

  @JsonProperty("rejectedRecordCount")
  private Double rejectedRecordCount;

  public Double getRecordCount() {
    return recordCount;
  }

  public void setRecordCount(Double recordCount) {
    this.recordCount = recordCount;
  }

  public AirbyteStateStats withRecordCount(Double recordCount) {
    this.recordCount = recordCount;
    return this;
  }

  public Double getRejectedRecordCount() {
    return rejectedRecordCount;
  }

  public void setRejectedRecordCount(Double rejectedRecordCount) {
    this.rejectedRecordCount = rejectedRecordCount;
  }

  public AirbyteStateStats withRejectedRecordCount(Double rejectedRecordCount) {
    this.rejectedRecordCount = rejectedRecordCount;
    return this;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    return o instanceof AirbyteStateStats other
        && Objects.equals(recordCount, other.recordCount)
        && Objects.equals(rejectedRecordCount, other.rejectedRecordCount)
        && sameAdditionalProperties(other);
  }

  @Override
  public int hashCode() {
    return Objects.hash(recordCount, rejectedRecordCount, getAdditionalProperties());
  }
}
