package io.airbyte.db.connection;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * When a connection syncs, as Airbyte stores it: {@code manual}; {@code basic} with
 * {@code {"basicSchedule": {"timeUnit": "hours", "units": 24}}}; {@code cron} with
 * {@code {"cron": {"cronExpression": "0 0 12 * * ?", "cronTimeZone": "UTC"}}} (Quartz syntax).
 */
public record Schedule(String type, JsonNode data) {

  public static Schedule manual() {
    return new Schedule("manual", null);
  }
}
