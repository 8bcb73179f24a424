package io.airbyte.server.actor;

/** What a connector's {@code check} answered: {@code succeeded} or {@code failed}, its message and the log it wrote. */
record CheckResponse(String status, String message, String logPath) {}
