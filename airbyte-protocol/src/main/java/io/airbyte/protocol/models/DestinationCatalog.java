package io.airbyte.protocol.models;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Objects;

/** The operations a destination can perform. */
public final class DestinationCatalog extends ProtocolObject {

  @JsonProperty("operations")
  private List<DestinationOperation> operations;

  public List<DestinationOperation> getOperations() {
    return operations;
  }

  public void setOperations(List<DestinationOperation> operations) {
    this.operations = operations;
  }

  public DestinationCatalog withOperations(List<DestinationOperation> operations) {
    this.operations = operations;
    return this;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    return o instanceof DestinationCatalog other
        && Objects.equals(operations, other.operations)
        && sameAdditionalProperties(other);
  }

  @Override
  public int hashCode() {
    return Objects.hash(operations, getAdditionalProperties());
  }
}
