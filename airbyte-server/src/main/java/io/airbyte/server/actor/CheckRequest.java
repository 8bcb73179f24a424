package io.airbyte.server.actor;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.UUID;

/** {@code POST /api/v1/sources/check} (or {@code /destinations/check}): a configuration before it is saved. */
record CheckRequest(UUID definitionId, JsonNode configuration) {}
