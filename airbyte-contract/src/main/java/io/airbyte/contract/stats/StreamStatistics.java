package io.airbyte.contract.stats;

/**
 * The figures of one stream in one attempt (source names; the namespace may be null). Emitted: read
 * from the source and handed to the destination; committed: covered by a state the destination
 * echoed (or by the successful end); estimated: what the source announced, when it did. The worker
 * produces them, Temporal carries them to the scheduler, the database keeps them and the API shows
 * them under these names.
 */
public record StreamStatistics(String streamNamespace, String streamName, long recordsEmitted, long bytesEmitted,
    long recordsCommitted, long bytesCommitted, Long estimatedRecords, Long estimatedBytes) {}
