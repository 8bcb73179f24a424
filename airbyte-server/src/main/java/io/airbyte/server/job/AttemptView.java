package io.airbyte.server.job;

import com.fasterxml.jackson.databind.JsonNode;
import io.airbyte.contract.stats.StreamStatistics;
import java.util.List;

/** An attempt of a job as the UI's job timeline shows it: its failures and its per-stream stats. */
record AttemptView(int attemptNumber, String status, String createdAt, String endedAt, JsonNode failureSummary,
    JsonNode output, List<StreamStatistics> streams) {}
