package io.airbyte.server.definition;

import com.fasterxml.jackson.databind.JsonNode;
import io.airbyte.contract.connector.ConnectorDefinition;
import io.airbyte.contract.connector.ConnectorRuntime;
import java.util.UUID;

/** A connector definition as the UI shows it, with its spec (the forms are built from it). */
record DefinitionView(UUID definitionId, String type, String name, String dockerRepository, String dockerImageTag,
    String documentationUrl, boolean builtIn, JsonNode spec, ConnectorRuntime runtime) {

  /** The image fields name the definition's runtime as an image (see {@link ConnectorDefinition#image}). */
  static DefinitionView of(ConnectorDefinition d) {
    return new DefinitionView(d.id(), d.type().value(), d.name(), d.image().repository(), d.image().tag(),
        d.documentationUrl(), d.builtIn(), d.spec(), d.runtime());
  }
}
