package io.airbyte.worker.replication;

import io.airbyte.contract.connection.NamespaceDefinition;
import io.airbyte.protocol.models.StreamDescriptor;

/**
 * A connection's namespace definition and stream prefix, as Airbyte applies them: the namespace of
 * the destination stream is the source's, none (destination default), or a format in which
 * {@code ${SOURCE_NAMESPACE}} stands for the source's; the name gets the prefix.
 */
public record NamespaceMapping(NamespaceDefinition definition, String format, String prefix) {

  public static final String SOURCE_NAMESPACE = "${SOURCE_NAMESPACE}";

  public NamespaceMapping {
    definition = definition == null ? NamespaceDefinition.SOURCE : definition;
    prefix = prefix == null ? "" : prefix;
  }

  public static NamespaceMapping identity() {
    return new NamespaceMapping(NamespaceDefinition.SOURCE, null, "");
  }

  public StreamDescriptor map(StreamDescriptor source) {
    return new StreamDescriptor().withName(prefix + source.getName()).withNamespace(namespace(source.getNamespace()));
  }

  public boolean isIdentity() {
    return definition == NamespaceDefinition.SOURCE && prefix.isEmpty();
  }

  private String namespace(String sourceNamespace) {
    return switch (definition) {
      case SOURCE -> sourceNamespace;
      case DESTINATION -> null;
      case CUSTOM_FORMAT -> {
        if (format == null || format.isBlank()) {
          yield null;
        }
        String value = format.replace(SOURCE_NAMESPACE, sourceNamespace == null ? "" : sourceNamespace).trim();
        yield value.isEmpty() ? null : value;
      }
    };
  }
}
