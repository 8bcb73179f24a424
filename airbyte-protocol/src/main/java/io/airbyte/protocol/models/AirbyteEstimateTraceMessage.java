package io.airbyte.protocol.models;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/** An estimate of how much a stream (or the whole sync) will produce. */
public final class AirbyteEstimateTraceMessage extends ProtocolObject {

  /** Whether the estimate is for one stream or the whole sync. */
  public enum Type {
    @JsonProperty("STREAM")
    STREAM,
    @JsonProperty("SYNC")
    SYNC
  }

  @JsonProperty("name")
  private String name;

  @JsonProperty("type")
  private Type type;

  @JsonProperty("namespace")
  private String namespace;

  @JsonProperty("row_estimate")
  private Long rowEstimate;

  @JsonProperty("byte_estimate")
  private Long byteEstimate;

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public AirbyteEstimateTraceMessage withName(String name) {
    this.name = name;
    return this;
  }

  public Type getType() {
    return type;
  }

  public void setType(Type type) {
    this.type = type;
  }

  public AirbyteEstimateTraceMessage withType(Type type) {
    this.type = type;
    return this;
  }

  public String getNamespace() {
    return namespace;
  }

  public void setNamespace(String namespace) {
    this.namespace = namespace;
  }

  public AirbyteEstimateTraceMessage withNamespace(String namespace) {
    this.namespace = namespace;
    return this;
  }

  public Long getRowEstimate() {
    return rowEstimate;
  }

  public void setRowEstimate(Long rowEstimate) {
    this.rowEstimate = rowEstimate;
  }

  public AirbyteEstimateTraceMessage withRowEstimate(Long rowEstimate) {
    this.rowEstimate = rowEstimate;
    return this;
  }

  public Long getByteEstimate() {
    return byteEstimate;
  }

  public void setByteEstimate(Long byteEstimate) {
    this.byteEstimate = byteEstimate;
  }

  public AirbyteEstimateTraceMessage withByteEstimate(Long byteEstimate) {
    this.byteEstimate = byteEstimate;
    return this;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    return o instanceof AirbyteEstimateTraceMessage other
        && Objects.equals(name, other.name)
        && Objects.equals(type, other.type)
        && Objects.equals(namespace, other.namespace)
        && Objects.equals(rowEstimate, other.rowEstimate)
        && Objects.equals(byteEstimate, other.byteEstimate)
        && sameAdditionalProperties(other);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, type, namespace, rowEstimate, byteEstimate, getAdditionalProperties());
  }
}
