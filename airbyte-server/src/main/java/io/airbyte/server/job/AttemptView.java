package io.airbyte.server.job;

import com.fasterxml.jackson.databind.JsonNode;
import io.airbyte.contract.stats.StreamStatistics;
import java.util.List;

/**
 * An attempt of a job as the UI's job timeline shows it: its failures, its per-stream stats and the worker
 * that ran it ({@code null} until a worker takes it).
 */
record AttemptView(int attemptNumber, String status, String createdAt, String endedAt, JsonNode failureSummary,
    JsonNode output, List<StreamStatistics> streams, String workerId) {}
