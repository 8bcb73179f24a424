package io.airbyte.scheduler.job;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Locale;

/** Airbyte's basic schedule ({@code {"timeUnit": "hours", "units": 24}}) as an interval. */
public final class BasicSchedules {

  private BasicSchedules() {}

  public static long intervalMillis(JsonNode basic) {
    long units = basic.path("units").asLong(0);
    String unit = basic.path("timeUnit").asText("").toLowerCase(Locale.ROOT);
    if (units <= 0) {
      throw new IllegalArgumentException("basicSchedule.units must be a positive number, not " + basic.path("units"));
    }
    Duration one = switch (unit) {
      case "minutes" -> Duration.ofMinutes(1);
      case "hours" -> Duration.ofHours(1);
      case "days" -> Duration.ofDays(1);
      case "weeks" -> Duration.ofDays(7);
      case "months" -> Duration.ofDays(30);
      default -> throw new IllegalArgumentException("basicSchedule.timeUnit must be minutes, hours, days, weeks or months, not '"
          + unit + "'");
    };
    return one.multipliedBy(units).toMillis();
  }
}
