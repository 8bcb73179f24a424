package io.airbyte.protocol.models;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/** The reason associated with the status of a stream. */
public final class AirbyteStreamStatusReason extends ProtocolObject {

  @JsonProperty("type")
  private AirbyteStreamStatusReasonType type;

  @JsonProperty("rate_limited")
  private AirbyteStreamStatusRateLimitedReason rateLimited;

  public AirbyteStreamStatusReasonType getType() {
    return type;
  }

  public void setType(AirbyteStreamStatusReasonType type) {
    this.type = type;
  }

  public AirbyteStreamStatusReason withType(AirbyteStreamStatusReasonType type) {
    this.type = type;
    return this;
  }

  public AirbyteStreamStatusRateLimitedReason getRateLimited() {
    return rateLimited;
  }

  public void setRateLimited(AirbyteStreamStatusRateLimitedReason rateLimited) {
    this.rateLimited = rateLimited;
  }

  public AirbyteStreamStatusReason withRateLimited(AirbyteStreamStatusRateLimitedReason rateLimited) {
    this.rateLimited = rateLimited;
    return this;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    return o instanceof AirbyteStreamStatusReason other
        && Objects.equals(type, other.type)
        && Objects.equals(rateLimited, other.rateLimited)
        && sameAdditionalProperties(other);
  }

  @Override
  public int hashCode() {
    return Objects.hash(type, rateLimited, getAdditionalProperties());
  }
}
