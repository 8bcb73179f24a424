package io.airbyte.contract.connection;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * Where a connection's tables land. Its value is Airbyte's stored {@code namespaceDefinition}: what
 * the {@code connection.namespace_definition} column holds (the public API spells the last one
 * {@code custom_format}).
 */
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

  /** The definition of a value (any case); an unknown one is refused. */
  @JsonCreator
  public static NamespaceDefinition of(String value) {
    for (NamespaceDefinition definition : values()) {
      if (definition.value.equals(value.toLowerCase(Locale.ROOT))) {
        return definition;
      }
    }
    throw new IllegalArgumentException("unknown namespace definition '" + value + "'");
  }
}
