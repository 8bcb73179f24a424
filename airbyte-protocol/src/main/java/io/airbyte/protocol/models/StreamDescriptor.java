package io.airbyte.protocol.models;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/** Names a stream: its name and optional namespace. */
public final class StreamDescriptor extends ProtocolObject {

  @JsonProperty("name")
  private String name;

  @JsonProperty("namespace")
  private String namespace;

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public StreamDescriptor withName(String name) {
    this.name = name;
    return this;
  }

  public String getNamespace() {
    return namespace;
  }

  public void setNamespace(String namespace) {
    this.namespace = namespace;
  }

  public StreamDescriptor withNamespace(String namespace) {
    this.namespace = namespace;
    return this;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    return o instanceof StreamDescriptor other
        && Objects.equals(name, other.name)
        && Objects.equals(namespace, other.namespace)
        && sameAdditionalProperties(other);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, namespace, getAdditionalProperties());
  }
}
