package io.airbyte.protocol.models;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/** Status and performance information: errors, estimates, stream statuses, analytics. */
public final class AirbyteTraceMessage extends ProtocolObject {

  /** The type of trace message. */
  public enum Type {
    @JsonProperty("ERROR")
    ERROR,
    @JsonProperty("ESTIMATE")
    ESTIMATE,
    @JsonProperty("STREAM_STATUS")
    STREAM_STATUS,
    @JsonProperty("ANALYTICS")
    ANALYTICS
  }

  @JsonProperty("type")
  private Type type;

  @JsonProperty("emitted_at")
  private Double emittedAt;

  @JsonProperty("error")
  private AirbyteErrorTraceMessage error;

  @JsonProperty("estimate")
  private AirbyteEstimateTraceMessage estimate;

  @JsonProperty("stream_status")
  private AirbyteStreamStatusTraceMessage streamStatus;

  @JsonProperty("analytics")
  private AirbyteAnalyticsTraceMessage analytics;

  public Type getType() {
    return type;
  }

  public void setType(Type type) {
    this.type = type;
  }

  public AirbyteTraceMessage withType(Type type) {
    this.type = type;
    return this;
  }

  public Double getEmittedAt() {
    return emittedAt;
  }

  public void setEmittedAt(Double emittedAt) {
    this.emittedAt = emittedAt;
  }

  public AirbyteTraceMessage withEmittedAt(Double emittedAt) {
    this.emittedAt = emittedAt;
    return this;
  }

  public AirbyteErrorTraceMessage getError() {
    return error;
  }

  public void setError(AirbyteErrorTraceMessage error) {
    this.error = error;
  }

  public AirbyteTraceMessage withError(AirbyteErrorTraceMessage error) {
    this.error = error;
    return this;
  }

  public AirbyteEstimateTraceMessage getEstimate() {
    return estimate;
  }

  public void setEstimate(AirbyteEstimateTraceMessage estimate) {
    this.estimate = estimate;
  }

  public AirbyteTraceMessage withEstimate(AirbyteEstimateTraceMessage estimate) {
    this.estimate = estimate;
    return this;
  }

  public AirbyteStreamStatusTraceMessage getStreamStatus() {
    return streamStatus;
  }

  public void setStreamStatus(AirbyteStreamStatusTraceMessage streamStatus) {
    this.streamStatus = streamStatus;
  }

  public AirbyteTraceMessage withStreamStatus(AirbyteStreamStatusTraceMessage streamStatus) {
    this.streamStatus = streamStatus;
    return this;
  }

  public AirbyteAnalyticsTraceMessage getAnalytics() {
    return analytics;
  }

  public void setAnalytics(AirbyteAnalyticsTraceMessage analytics) {
    this.analytics = analytics;
  }

  public AirbyteTraceMessage withAnalytics(AirbyteAnalyticsTraceMessage analytics) {
    this.analytics = analytics;
    return this;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    return o instanceof AirbyteTraceMessage other
        && Objects.equals(type, other.type)
        && Objects.equals(emittedAt, other.emittedAt)
        && Objects.equals(error, other.error)
        && Objects.equals(estimate, other.estimate)
        && Objects.equals(streamStatus, other.streamStatus)
        && Objects.equals(analytics, other.analytics)
        && sameAdditionalProperties(other);
  }

  @Override
  public int hashCode() {
    return Objects.hash(type, emittedAt, error, estimate, streamStatus, analytics, getAdditionalProperties());
  }
}
