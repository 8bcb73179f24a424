package io.airbyte.db.job;

import com.fasterxml.jackson.databind.JsonNode;
import io.airbyte.contract.job.AttemptStatus;
import java.time.Instant;

/**
 * One attempt of a job: its outcome, failures (first = cause), output and log, and the worker that ran its
 * replication ({@code null} until a worker starts it).
 */
public record Attempt(long id, long jobId, int attemptNumber, AttemptStatus status, String logPath, JsonNode output,
    JsonNode failureSummary, Instant createdAt, Instant updatedAt, Instant endedAt, String workerId) {}
