package io.airbyte.scheduler.job;

import com.fasterxml.jackson.databind.JsonNode;
import io.airbyte.scheduler.schedule.InvalidScheduleException;
import java.math.BigInteger;
import java.time.Duration;
import java.util.Locale;

/**
 * Airbyte's basic schedule ({@code {"timeUnit": "hours", "units": 24}}) as an interval: the one
 * place that says which intervals run, from 1 minute to 1 year (365 days; a month counts 30 days).
 */
public final class BasicSchedules {

  public static final Duration SHORTEST = Duration.ofMinutes(1);
  public static final Duration LONGEST = Duration.ofDays(365);
  private static final String FIELD = "basicTiming";

  private BasicSchedules() {}

  /** The interval of "every {@code units} {@code timeUnit}" (minutes, hours, days, weeks, months), or refused. */
  public static Duration interval(BigInteger units, String timeUnit) {
    String unit = timeUnit == null ? "" : timeUnit.toLowerCase(Locale.ROOT);
    Duration one = switch (unit) {
      case "minutes" -> Duration.ofMinutes(1);
      case "hours" -> Duration.ofHours(1);
      case "days" -> Duration.ofDays(1);
      case "weeks" -> Duration.ofDays(7);
      case "months" -> Duration.ofDays(30);
      default -> throw new InvalidScheduleException(FIELD, "basicSchedule.timeUnit must be minutes, hours, days, weeks or months, "
          + "not '" + timeUnit + "'");
    };
    BigInteger millis = units.multiply(BigInteger.valueOf(one.toMillis()));
    if (millis.compareTo(BigInteger.valueOf(SHORTEST.toMillis())) < 0
        || millis.compareTo(BigInteger.valueOf(LONGEST.toMillis())) > 0) {
      throw new InvalidScheduleException(FIELD, "'Every " + units + " " + unit + "' is outside 1 minute … 1 year (365 days)");
    }
    return Duration.ofMillis(millis.longValueExact());
  }

  /** The interval of a stored basic schedule, or refused (as {@link #interval}, or when it is not a schedule at all). */
  public static long intervalMillis(JsonNode basic) {
    JsonNode units = basic == null ? null : basic.get("units");
    if (units == null || !units.isIntegralNumber()) {
      throw new InvalidScheduleException(FIELD, "basicSchedule.units must be a whole number, not " + units);
    }
    return interval(units.bigIntegerValue(), basic.path("timeUnit").asText("")).toMillis();
  }
}
