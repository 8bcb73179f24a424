package io.airbyte.server.connection;

import java.util.List;

/** A schedule for the UI's schedule picker: its type, described in words, and its next runs. */
record SchedulePreview(String scheduleType, String description, List<String> nextRuns) {}
