package io.airbyte.db.definition;

import com.fasterxml.jackson.databind.JsonNode;
import io.airbyte.contract.connector.ActorType;
import java.util.UUID;

/** A connector definition with its default version: image, tag, spec and protocol version. */
public record ActorDefinition(
    UUID id,
    ActorType type,
    String name,
    String dockerRepository,
    String dockerImageTag,
    String documentationUrl,
    boolean builtIn,
    UUID workspaceId,
    UUID versionId,
    JsonNode spec,
    String protocolVersion) {

  public String image() {
    return dockerRepository + ":" + dockerImageTag;
  }
}
