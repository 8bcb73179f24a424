package io.airbyte.protocol.models;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Objects;

/** The status of a stream within a running sync. */
public final class AirbyteStreamStatusTraceMessage extends ProtocolObject {

  @JsonProperty("stream_descriptor")
  private StreamDescriptor streamDescriptor;

  @JsonProperty("status")
  private AirbyteStreamStatus status;

  @JsonProperty("reasons")
  private List<AirbyteStreamStatusReason> reasons;

  public StreamDescriptor getStreamDescriptor() {
    return streamDescriptor;
  }

  public void setStreamDescriptor(StreamDescriptor streamDescriptor) {
    this.streamDescriptor = streamDescriptor;
  }

  public AirbyteStreamStatusTraceMessage withStreamDescriptor(StreamDescriptor streamDescriptor) {
    this.streamDescriptor = streamDescriptor;
    return this;
  }

  public AirbyteStreamStatus getStatus() {
    return status;
  }

  public void setStatus(AirbyteStreamStatus status) {
    this.status = status;
  }

  public AirbyteStreamStatusTraceMessage withStatus(AirbyteStreamStatus status) {
    this.status = status;
    return this;
  }

  public List<AirbyteStreamStatusReason> getReasons() {
    return reasons;
  }

  public void setReasons(List<AirbyteStreamStatusReason> reasons) {
    this.reasons = reasons;
  }

  public AirbyteStreamStatusTraceMessage withReasons(List<AirbyteStreamStatusReason> reasons) {
    this.reasons = reasons;
    return this;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    return o instanceof AirbyteStreamStatusTraceMessage other
        && Objects.equals(streamDescriptor, other.streamDescriptor)
        && Objects.equals(status, other.status)
        && Objects.equals(reasons, other.reasons)
        && sameAdditionalProperties(other);
  }

  @Override
  public int hashCode() {
    return Objects.hash(streamDescriptor, status, reasons, getAdditionalProperties());
  }
}
