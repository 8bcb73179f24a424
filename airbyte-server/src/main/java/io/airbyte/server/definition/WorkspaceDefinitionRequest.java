package io.airbyte.server.definition;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.UUID;

/**
 * {@code POST /api/public/v1/workspaces/{workspaceId}/definitions/sources|destinations}: Airbyte's
 * {@code CreateDefinitionRequest} ({@code name}, {@code dockerRepository}, {@code dockerImageTag},
 * {@code documentationUrl}), or, instead of the image, our {@code runtime}; {@code requestId} as in
 * {@link CustomDefinitionRequest}.
 */
record WorkspaceDefinitionRequest(String name, String dockerRepository, String dockerImageTag, String documentationUrl,
    JsonNode runtime, UUID requestId) {}
