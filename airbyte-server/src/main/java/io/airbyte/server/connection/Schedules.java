package io.airbyte.server.connection;

import io.airbyte.contract.schedule.InvalidScheduleException;
import io.airbyte.contract.schedule.Schedule;
import io.airbyte.server.connection.ConnectionRequest.ScheduleBody;
import io.airbyte.server.error.ApiException;
import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The public API's schedule ({@code manual}, {@code cron} + Quartz expression, {@code basic} + "Every 24 hours"). */
final class Schedules {

  private static final Pattern BASIC = Pattern.compile("(?i)every\\s+(\\d+)\\s+(minute|hour|day|week|month)s?");

  private Schedules() {}

  /**
   * The schedule to store, or a 422 naming {@code schedule.basicTiming} or
   * {@code schedule.cronExpression}: what the scheduler runs is decided by {@link Schedule} itself
   * (basic 1 minute … 1 year; cron Quartz, at most once a minute, in a known time zone), the same
   * rules that apply to a stored schedule.
   */
  static Schedule fromApi(ScheduleBody body) {
    if (body == null || body.scheduleType() == null || body.scheduleType().equals("manual")) {
      return Schedule.manual();
    }
    switch (body.scheduleType()) {
      case "cron" -> {
        if (body.cronExpression() == null || body.cronExpression().isBlank()) {
          throw ApiException.unprocessable("A cron schedule needs an expression", List.of("schedule.cronExpression: required"));
        }
        String[] parts = body.cronExpression().trim().split("\\s+(?=[A-Za-z]+/[A-Za-z_]+$|UTC$)");
        String expression = parts[0];
        String zone = parts.length > 1 ? parts[1] : "UTC";
        try {
          return new Schedule.Cron(expression, zone);
        } catch (InvalidScheduleException e) {
          throw refused("This cron schedule is not one the platform runs", e);
        }
      }
      case "basic" -> {
        Matcher m = BASIC.matcher(body.basicTiming() == null ? "" : body.basicTiming().trim());
        if (!m.matches()) {
          throw ApiException.unprocessable("A basic schedule needs a timing such as 'Every 24 hours'",
              List.of("schedule.basicTiming: '" + body.basicTiming() + "' is not 'Every <n> minutes|hours|days|weeks|months'"));
        }
        String unit = m.group(2).toLowerCase(Locale.ROOT) + "s";
        try {
          return Schedule.Basic.of(new BigInteger(m.group(1)), unit);
        } catch (InvalidScheduleException e) {
          throw refused("This basic schedule is not one the platform runs", e);
        }
      }
      default -> throw ApiException.unprocessable("Unknown schedule type",
          List.of("schedule.scheduleType: '" + body.scheduleType() + "' is not manual, cron or basic"));
    }
  }

  private static ApiException refused(String message, InvalidScheduleException e) {
    return ApiException.unprocessable(message, List.of("schedule." + e.field() + ": " + e.getMessage()));
  }

  static ScheduleBody toApi(Schedule schedule) {
    if (schedule instanceof Schedule.Cron cron) {
      return new ScheduleBody(cron.type(), cron.expression() + (cron.timeZone().equals("UTC") ? "" : " " + cron.timeZone()), null);
    }
    if (schedule instanceof Schedule.Basic basic) {
      return new ScheduleBody(basic.type(), null, "Every " + basic.units() + " " + basic.timeUnit().value());
    }
    return new ScheduleBody(schedule.type(), null, null);
  }
}
