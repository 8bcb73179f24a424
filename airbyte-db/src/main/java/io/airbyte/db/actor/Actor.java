package io.airbyte.db.actor;

import com.fasterxml.jackson.databind.JsonNode;
import io.airbyte.contract.connector.ActorType;
import java.time.Instant;
import java.util.UUID;

/** A source or a destination; its configuration as stored (secrets as references). */
public record Actor(UUID id, UUID workspaceId, UUID definitionId, ActorType type, String name, JsonNode configuration,
    boolean tombstone, Instant createdAt) {}
