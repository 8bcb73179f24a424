package io.airbyte.worker.replication;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Counts of one stream at a moment of a sync. Emitted: read from the source and handed to the
 * destination; committed: covered by a state the destination echoed (or by the successful end).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StreamProgress(
    String streamNamespace,
    String streamName,
    long recordsEmitted,
    long bytesEmitted,
    long recordsCommitted,
    long bytesCommitted,
    Long estimatedRecords,
    Long estimatedBytes,
    String status) {}
