package io.airbyte.contract.job;

import io.airbyte.contract.schedule.Schedule;
import io.airbyte.contract.sync.StreamRef;
import java.util.List;

/**
 * What the connection's workflow needs to decide when to run: the connection's status and
 * schedule, when its last job started, and the unfinished job it must resume, if any.
 */
public record ScheduleInfo(
    String connectionStatus,
    Schedule schedule,
    Long lastJobCreatedAtMillis,
    Long unfinishedJobId,
    JobType unfinishedJobType,
    List<StreamRef> unfinishedJobStreams,
    int unfinishedJobAttempts) {

  public boolean exists() {
    return connectionStatus != null && !connectionStatus.equals("deprecated");
  }

  public boolean active() {
    return "active".equals(connectionStatus);
  }

  /** The same, with the start of the last job in workflow time (what a basic schedule counts from). */
  public ScheduleInfo withLastJob(long lastJobStartMillis) {
    return new ScheduleInfo(connectionStatus, schedule, lastJobStartMillis, unfinishedJobId, unfinishedJobType,
        unfinishedJobStreams, unfinishedJobAttempts);
  }
}
