package io.airbyte.protocol.models;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/** A change made to the content of a record during the sync. */
public final class AirbyteRecordMessageMetaChange extends ProtocolObject {

  /** The type of change that occurred. */
  public enum Change {
    @JsonProperty("NULLED")
    NULLED,
    @JsonProperty("TRUNCATED")
    TRUNCATED
  }

  /** The reason the change occurred. */
  public enum Reason {
    @JsonProperty("SOURCE_RECORD_SIZE_LIMITATION")
    SOURCE_RECORD_SIZE_LIMITATION,
    @JsonProperty("DESTINATION_RECORD_SIZE_LIMITATION")
    DESTINATION_RECORD_SIZE_LIMITATION,
    @JsonProperty("PLATFORM_RECORD_SIZE_LIMITATION")
    PLATFORM_RECORD_SIZE_LIMITATION,
    @JsonProperty("SOURCE_FIELD_SIZE_LIMITATION")
    SOURCE_FIELD_SIZE_LIMITATION,
    @JsonProperty("DESTINATION_FIELD_SIZE_LIMITATION")
    DESTINATION_FIELD_SIZE_LIMITATION,
    @JsonProperty("PLATFORM_FIELD_SIZE_LIMITATION")
    PLATFORM_FIELD_SIZE_LIMITATION,
    @JsonProperty("SOURCE_SERIALIZATION_ERROR")
    SOURCE_SERIALIZATION_ERROR,
    @JsonProperty("DESTINATION_SERIALIZATION_ERROR")
    DESTINATION_SERIALIZATION_ERROR,
    @JsonProperty("PLATFORM_SERIALIZATION_ERROR")
    PLATFORM_SERIALIZATION_ERROR,
    @JsonProperty("SOURCE_RETRIEVAL_ERROR")
    SOURCE_RETRIEVAL_ERROR,
    @JsonProperty("DESTINATION_TYPECAST_ERROR")
    DESTINATION_TYPECAST_ERROR
  }

  @JsonProperty("field")
  private String field;

  @JsonProperty("change")
  private Change change;

  @JsonProperty("reason")
  private Reason reason;

  public String getField() {
    return field;
  }

  public void setField(String field) {
    this.field = field;
  }

  public AirbyteRecordMessageMetaChange withField(String field) {
    this.field = field;
    return this;
  }

  public Change getChange() {
    return change;
  }

  public void setChange(Change change) {
    this.change = change;
  }

  public AirbyteRecordMessageMetaChange withChange(Change change) {
    this.change = change;
    return this;
  }

  public Reason getReason() {
    return reason;
  }

  public void setReason(Reason reason) {
    this.reason = reason;
  }

  public AirbyteRecordMessageMetaChange withReason(Reason reason) {
    this.reason = reason;
    return this;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    return o instanceof AirbyteRecordMessageMetaChange other
        && Objects.equals(field, other.field)
        && Objects.equals(change, other.change)
        && Objects.equals(reason, other.reason)
        && sameAdditionalProperties(other);
  }

  @Override
  public int hashCode() {
    return Objects.hash(field, change, reason, getAdditionalProperties());
  }
}
