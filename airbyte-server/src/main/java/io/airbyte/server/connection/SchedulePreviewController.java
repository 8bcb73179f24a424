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

  private final ConnectionService connections;

  SchedulePreviewController(ConnectionService connections) {
    this.connections = connections;
  }

  @GetMapping("/api/v1/schedule_preview")
  SchedulePreview preview(@RequestParam(defaultValue = "manual") String scheduleType,
      @RequestParam(required = false) String cronExpression, @RequestParam(required = false) String basicTiming) {
    return connections.schedulePreview(scheduleType, cronExpression, basicTiming);
  }
}
