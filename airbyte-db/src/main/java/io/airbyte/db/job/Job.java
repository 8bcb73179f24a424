package io.airbyte.db.job;

import com.fasterxml.jackson.databind.JsonNode;
import io.airbyte.contract.job.JobStatus;
import io.airbyte.contract.job.JobType;
import java.time.Instant;
import java.util.UUID;

/** A job of a connection; its id is a 64-bit integer, as Airbyte's. */
public record Job(long id, UUID connectionId, JobType type, JobStatus status, JsonNode config, Instant createdAt,
    Instant startedAt, Instant updatedAt) {}
