package io.airbyte.db.application;

import java.time.Instant;
import java.util.UUID;

/** An API application: its client id; the secret is only kept as a hash. */
public record Application(UUID id, UUID workspaceId, String name, String clientId, String clientSecretHash, Instant createdAt) {}
