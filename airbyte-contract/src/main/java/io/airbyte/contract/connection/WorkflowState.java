package io.airbyte.contract.connection;

/** What a connection's workflow is doing (a query: the API and tests read it). */
public record WorkflowState(boolean jobRunning, Long jobId, Integer attemptNumber, Long nextRunMillis, boolean deleted,
    long jobsRun) {}
