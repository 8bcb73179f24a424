package io.airbyte.server.connection;

import io.airbyte.contract.schedule.Schedule;
import io.airbyte.scheduler.schedule.NextRun;
import io.airbyte.server.connection.ConnectionRequest.ScheduleBody;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * For the UI's schedule picker: a schedule validated exactly as a connection's would be (422 naming
 * {@code schedule.cronExpression} or {@code schedule.basicTiming}), described in words, with its next runs.
 */
@RestController
class SchedulePreviewController {

  private static final int RUNS = 5;

  record SchedulePreview(String scheduleType, String description, List<String> nextRuns) {}

  private final Clock clock = Clock.systemUTC();

  @GetMapping("/api/v1/schedule_preview")
  SchedulePreview preview(@RequestParam(defaultValue = "manual") String scheduleType,
      @RequestParam(required = false) String cronExpression, @RequestParam(required = false) String basicTiming) {
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
