package io.airbyte.scheduler.sync;

public record AttemptStreamStats(String streamNamespace, String streamName, long recordsEmitted, long bytesEmitted,
    long recordsCommitted, long bytesCommitted, Long estimatedRecords, Long estimatedBytes) {}
