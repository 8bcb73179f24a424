package io.airbyte.server.job;

import java.util.UUID;

/** {@code POST /api/public/v1/jobs}: the connection and the job type ({@code sync} when none is given). */
record JobRequest(UUID connectionId, String jobType) {}
