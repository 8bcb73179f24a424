package io.airbyte.server.connection;

import io.airbyte.contract.schedule.Schedule;
import io.airbyte.scheduler.schedule.NextRun;
import io.airbyte.server.connection.ConnectionRequest.ScheduleBody;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * For the UI's schedule picker: a schedule validated exactly as a connection's would be (422 naming
 * {@code schedule.cronExpression} or {@code schedule.basicTiming}, by {@link Schedules#fromApi}),
 * described in words, with its next runs.
 */
final class SchedulePreviews {

  private static final int RUNS = 5;

  private final Clock clock = Clock.systemUTC();

  SchedulePreview preview(String scheduleType, String cronExpression, String basicTiming) {
    Schedule schedule = Schedules.fromApi(new ScheduleBody(scheduleType, cronExpression, basicTiming));
    long now = clock.millis();
    List<String> runs = new ArrayList<>();
    String description;
    if (schedule instanceof Schedule.Cron cron) {
      description = NextRun.describe(cron.expression()) + " (" + cron.timeZone() + ")";
      long after = now;
      for (int i = 0; i < RUNS; i++) {
        var next = NextRun.nextCron(cron.expression(), cron.timeZone(), after);
        if (next.isEmpty()) {
          break;
        }
        runs.add(Instant.ofEpochMilli(next.get()).toString());
        after = next.get();
      }
    } else if (schedule instanceof Schedule.Basic basic) {
      long interval = basic.interval().toMillis();
      description = Schedules.toApi(schedule).basicTiming() + ", counted from the start of the last sync";
      for (int i = 0; i < RUNS; i++) {
        runs.add(Instant.ofEpochMilli(now + i * interval).toString());
      }
    } else {
      description = "Only when started by hand or through the API";
    }
    return new SchedulePreview(schedule.type(), description, runs);
  }
}
