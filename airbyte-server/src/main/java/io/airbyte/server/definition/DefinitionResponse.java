package io.airbyte.server.definition;

import io.airbyte.contract.connector.ConnectorDefinition;
import io.airbyte.contract.connector.ConnectorRuntime;
import java.util.UUID;

/**
 * A definition in the public API, Airbyte's {@code DefinitionResponse} ({@code id}, {@code name},
 * {@code dockerRepository}, {@code dockerImageTag}, {@code documentationUrl}; the image fields name
 * the runtime as an image, see {@link ConnectorDefinition#image}) and the {@code runtime} itself.
 */
record DefinitionResponse(UUID id, String name, String dockerRepository, String dockerImageTag, String documentationUrl,
    ConnectorRuntime runtime) {

  static DefinitionResponse of(ConnectorDefinition d) {
    return new DefinitionResponse(d.id(), d.name(), d.image().repository(), d.image().tag(), d.documentationUrl(),
        d.runtime());
  }
}
