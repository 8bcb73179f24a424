package io.airbyte.protocol.models;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Objects;

/** Information about a record added mid-sync. */
public final class AirbyteRecordMessageMeta extends ProtocolObject {

  @JsonProperty("changes")
  private List<AirbyteRecordMessageMetaChange> changes;

  public List<AirbyteRecordMessageMetaChange> getChanges() {
    return changes;
  }

  public void setChanges(List<AirbyteRecordMessageMetaChange> changes) {
    this.changes = changes;
  }

  public AirbyteRecordMessageMeta withChanges(List<AirbyteRecordMessageMetaChange> changes) {
    this.changes = changes;
    return this;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    return o instanceof AirbyteRecordMessageMeta other
        && Objects.equals(changes, other.changes)
        && sameAdditionalProperties(other);
  }

  @Override
  public int hashCode() {
    return Objects.hash(changes, getAdditionalProperties());
  }
}
