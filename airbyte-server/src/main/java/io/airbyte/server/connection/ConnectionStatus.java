package io.airbyte.server.connection;

import io.airbyte.contract.stats.StreamStatistics;
import java.util.List;
import java.util.UUID;

/** A connection's live status for the UI: its running job with per-stream progress, its next run and its last job. */
record ConnectionStatus(UUID connectionId, String status, String statusReason, boolean jobRunning, Long runningJobId,
    Integer runningAttempt, String nextRunAt, List<StreamStatistics> progress, LastJob lastJob) {

  record LastJob(long jobId, String status, String jobType, String createdAt, String updatedAt) {}
}
