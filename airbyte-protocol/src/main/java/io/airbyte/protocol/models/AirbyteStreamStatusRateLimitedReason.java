package io.airbyte.protocol.models;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/** Rate limit information. */
public final class AirbyteStreamStatusRateLimitedReason extends ProtocolObject {

  @JsonProperty("quota_reset")
  private Long quotaReset;

  public Long getQuotaReset() {
    return quotaReset;
  }

  public void setQuotaReset(Long quotaReset) {
    this.quotaReset = quotaReset;
  }

  public AirbyteStreamStatusRateLimitedReason withQuotaReset(Long quotaReset) {
    this.quotaReset = quotaReset;
    return this;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    return o instanceof AirbyteStreamStatusRateLimitedReason other
        && Objects.equals(quotaReset, other.quotaReset)
        && sameAdditionalProperties(other);
  }

  @Override
  public int hashCode() {
    return Objects.hash(quotaReset, getAdditionalProperties());
  }
}
