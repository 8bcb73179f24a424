package io.airbyte.server.actor;

import com.fasterxml.jackson.databind.JsonNode;

/** The optional body of {@code POST /api/v1/sources/{id}/check}: an edit to check as a PATCH would apply it. */
record EditCheckRequest(JsonNode configuration) {}
