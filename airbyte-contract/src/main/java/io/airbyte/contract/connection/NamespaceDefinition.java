package io.airbyte.worker.replication;

import com.fasterxml.jackson.annotation.JsonValue;

/** Where a connection's tables land; JSON values as Airbyte's {@code namespaceDefinition}. */
public enum NamespaceDefinition {
  /** the namespace the source gives (the source schema) */
  SOURCE("source"),
  /** the destination's default schema: streams go without a namespace */
  DESTINATION("destination"),
  /** a format such as {@code airbyte_${SOURCE_NAMESPACE}} */
  CUSTOM_FORMAT("customformat");

  private final String value;

  NamespaceDefinition(String value) {
    this.value = value;
  }

  @JsonValue
  public String value() {
    return value;
  }
}
