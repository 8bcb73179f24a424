package io.airbyte.scheduler.schedule;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import io.airbyte.scheduler.job.ScheduleInfo;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * When a connection's next scheduled job starts (pure: the workflow calls it with its own clock).
 * Manual: never. Basic: one interval after the last job started (at once when there was none).
 * Cron: the next fire time of the Quartz expression in its time zone after now.
 */
public final class NextRun {

  private static final CronParser QUARTZ = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.QUARTZ));

  private NextRun() {}

  /** Epoch millis of the next run, or empty for never. */
  public static Optional<Long> after(ScheduleInfo schedule, long nowMillis) {
    switch (schedule.scheduleType()) {
      case "basic" -> {
        if (schedule.lastJobCreatedAtMillis() == null) {
          return Optional.of(nowMillis);
        }
        return Optional.of(schedule.lastJobCreatedAtMillis() + schedule.basicIntervalMillis());
      }
      case "cron" -> {
        return nextCron(schedule.cronExpression(), schedule.cronTimeZone(), nowMillis);
      }
      default -> {
        return Optional.empty();
      }
    }
  }

  public static Optional<Long> nextCron(String expression, String zone, long afterMillis) {
    ExecutionTime execution = ExecutionTime.forCron(QUARTZ.parse(expression));
    ZonedDateTime from = ZonedDateTime.ofInstant(Instant.ofEpochMilli(afterMillis), ZoneId.of(zone == null ? "UTC" : zone));
    return execution.nextExecution(from).map(t -> t.toInstant().toEpochMilli());
  }

  /** A Quartz cron expression in words ("every 15 minutes", "at 02:00 ..."), for a preview. */
  public static String describe(String expression) {
    return com.cronutils.descriptor.CronDescriptor.instance(java.util.Locale.UK).describe(QUARTZ.parse(expression));
  }

  /** Checks a Quartz cron expression; the message names what is wrong. */
  public static void validateCron(String expression) {
    QUARTZ.parse(expression).validate();
  }
}
