package io.airbyte.scheduler.job;

import io.airbyte.scheduler.sync.StreamRef;
import java.util.List;

/**
 * What the connection's workflow needs to decide when to run: the connection's status and
 * schedule, when its last job started, and the unfinished job it must resume, if any.
 */
public record ScheduleInfo(
    String connectionStatus,
    String scheduleType,
    long basicIntervalMillis,
    String cronExpression,
    String cronTimeZone,
    Long lastJobCreatedAtMillis,
    Long unfinishedJobId,
    String unfinishedJobType,
    List<StreamRef> unfinishedJobStreams,
    int unfinishedJobAttempts) {

  public boolean exists() {
    return connectionStatus != null && !connectionStatus.equals("deprecated");
  }

  public boolean active() {
    return "active".equals(connectionStatus);
  }
}
