package io.airbyte.protocol.models;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/** A usage event specific to a connector. */
public final class AirbyteAnalyticsTraceMessage extends ProtocolObject {

  @JsonProperty("type")
  private String type;

  @JsonProperty("value")
  private String value;

  public String getType() {
    return type;
  }

  public void setType(String type) {
    this.type = type;
  }

  public AirbyteAnalyticsTraceMessage withType(String type) {
    this.type = type;
    return this;
  }

  public String getValue() {
    return value;
  }

  public void setValue(String value) {
    this.value = value;
  }

  public AirbyteAnalyticsTraceMessage withValue(String value) {
    this.value = value;
    return this;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    return o instanceof AirbyteAnalyticsTraceMessage other
        && Objects.equals(type, other.type)
        && Objects.equals(value, other.value)
        && sameAdditionalProperties(other);
  }

  @Override
  public int hashCode() {
    return Objects.hash(type, value, getAdditionalProperties());
  }
}
