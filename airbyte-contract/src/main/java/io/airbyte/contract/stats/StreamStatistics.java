package io.airbyte.db.job;

/** Figures of one stream in one attempt. */
public record StreamStat(String streamNamespace, String streamName, long recordsEmitted, long bytesEmitted,
    long recordsCommitted, long bytesCommitted, Long estimatedRecords, Long estimatedBytes) {}
