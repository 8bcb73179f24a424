package io.airbyte.server.job;

import java.util.UUID;

/** A job as Airbyte's public API shows it, with what its attempts committed. */
record JobResponse(long jobId, String status, String jobType, UUID connectionId, String startTime, String lastUpdatedAt,
    String duration, long bytesSynced, long rowsSynced) {}
