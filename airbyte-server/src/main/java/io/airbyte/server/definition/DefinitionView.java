package io.airbyte.server.definition;

import com.fasterxml.jackson.databind.JsonNode;
import io.airbyte.db.definition.ActorDefinition;
import java.util.UUID;

/** A connector definition as the UI shows it, with its spec (the forms are built from it). */
record DefinitionView(UUID definitionId, String type, String name, String dockerRepository, String dockerImageTag,
    String documentationUrl, boolean builtIn, JsonNode spec) {

  static DefinitionView of(ActorDefinition d) {
    return new DefinitionView(d.id(), d.type().value(), d.name(), d.dockerRepository(), d.dockerImageTag(),
        d.documentationUrl(), d.builtIn(), d.spec());
  }
}
