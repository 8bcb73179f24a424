package io.airbyte.server.connection;

import com.fasterxml.jackson.databind.JsonNode;
import io.airbyte.db.connection.Schedule;
import io.airbyte.scheduler.job.BasicSchedules;
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
    switch (schedule.type()) {
      case "cron" -> {
        JsonNode cron = schedule.data().path("cron");
        String expression = cron.path("cronExpression").asText();
        String zone = cron.path("cronTimeZone").asText("UTC");
        description = NextRun.describe(expression) + " (" + zone + ")";
        long after = now;
        for (int i = 0; i < RUNS; i++) {
          var next = NextRun.nextCron(expression, zone, after);
          if (next.isEmpty()) {
            break;
          }
          runs.add(Instant.ofEpochMilli(next.get()).toString());
          after = next.get();
        }
      }
      case "basic" -> {
        long interval = BasicSchedules.intervalMillis(schedule.data().path("basicSchedule"));
        description = Schedules.toApi(schedule).basicTiming() + ", counted from the start of the last sync";
        for (int i = 0; i < RUNS; i++) {
          runs.add(Instant.ofEpochMilli(now + i * interval).toString());
        }
      }
      default -> description = "Only when started by hand or through the API";
    }
    return new SchedulePreview(schedule.type(), description, runs);
  }
}
