package io.airbyte.db.workspace;

import java.time.Instant;
import java.util.UUID;

public record Workspace(UUID id, String name, String email, boolean isDefault, boolean tombstone, Instant createdAt) {}
