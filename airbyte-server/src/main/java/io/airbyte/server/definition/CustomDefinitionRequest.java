package io.airbyte.server.definition;

import java.util.UUID;

/** {@code POST /api/v1/definitions}: a custom connector, any image (and tag) that speaks the protocol. */
record CustomDefinitionRequest(String type, String name, String dockerRepository, String dockerImageTag,
    String documentationUrl, UUID workspaceId) {}
