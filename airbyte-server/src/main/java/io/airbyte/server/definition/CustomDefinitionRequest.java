package io.airbyte.server.definition;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.UUID;

/**
 * {@code POST /api/v1/definitions}: a custom connector, any image (and tag) that speaks the protocol,
 * or a {@code runtime} (see {@link DefinitionRuntimes}); {@code requestId}, when given, lets the caller
 * watch the connector's first {@code spec} (an install) at {@code GET /api/v1/definitions/progress/{requestId}}.
 */
record CustomDefinitionRequest(String type, String name, String dockerRepository, String dockerImageTag,
    String documentationUrl, UUID workspaceId, JsonNode runtime, UUID requestId) {}
