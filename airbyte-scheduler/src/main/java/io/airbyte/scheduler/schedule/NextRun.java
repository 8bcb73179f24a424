package io.airbyte.scheduler.schedule;

import com.cronutils.model.Cron;
import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import io.airbyte.scheduler.job.ScheduleInfo;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * When a connection's next scheduled job starts (pure: the workflow calls it with its own clock).
 * Manual: never. Basic: one interval after the last job started (at once when there was none).
 * Cron: the next fire time of the Quartz expression in its time zone after now.
 */
public final class NextRun {

  private static final String FIELD = "cronExpression";
  private static final CronParser QUARTZ = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.QUARTZ));

  private NextRun() {}

  /** Epoch millis of the next run, or empty for never. */
  public static Optional<Long> after(ScheduleInfo schedule, long nowMillis) {
    switch (schedule.scheduleType()) {
      case "basic" -> {
        if (schedule.basicIntervalMillis() <= 0) {
          throw new InvalidScheduleException("basicTiming", "a basic schedule without an interval");
        }
        if (schedule.lastJobCreatedAtMillis() == null) {
          return Optional.of(nowMillis);
        }
        return Optional.of(Math.addExact(schedule.lastJobCreatedAtMillis(), schedule.basicIntervalMillis()));
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

  /** Checks a Quartz cron expression in UTC, as {@link #validateCron(String, String)}. */
  public static void validateCron(String expression) {
    validateCron(expression, "UTC");
  }

  /**
   * Checks a Quartz cron expression and its time zone: refused when it is not Quartz, when the zone
   * is unknown, or when it fires more often than once a minute (Quartz has a seconds field:
   * {@code * * * * * ?} fires every second, {@code 0/30 * * * * ?} twice a minute). The message says
   * what is wrong.
   */
  public static void validateCron(String expression, String zone) {
    if (expression == null || expression.isBlank()) {
      throw new InvalidScheduleException(FIELD, "a cron schedule needs an expression");
    }
    Cron cron;
    try {
      cron = QUARTZ.parse(expression).validate();
    } catch (IllegalArgumentException e) {
      throw new InvalidScheduleException(FIELD, e.getMessage());
    }
    try {
      ZoneId.of(zone == null ? "UTC" : zone);
    } catch (DateTimeException e) {
      throw new InvalidScheduleException(FIELD, "unknown time zone '" + zone + "'");
    }
    // the fields are independent: a minute in which it fires holds every second it fires at, so the
    // two first firings of that minute tell whether it fires more than once a minute
    ExecutionTime execution = ExecutionTime.forCron(cron);
    Optional<ZonedDateTime> first = execution.nextExecution(ZonedDateTime.of(1970, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC));
    if (first.isEmpty()) {
      return;
    }
    Optional<ZonedDateTime> inMinute = execution.nextExecution(first.get().truncatedTo(ChronoUnit.MINUTES).minusSeconds(1));
    Optional<ZonedDateTime> second = inMinute.flatMap(execution::nextExecution);
    if (inMinute.isPresent() && second.isPresent()
        && Duration.between(inMinute.get(), second.get()).compareTo(Duration.ofMinutes(1)) < 0) {
      throw new InvalidScheduleException(FIELD, "'" + expression + "' fires more often than once a minute (runs "
          + Duration.between(inMinute.get(), second.get()).toSeconds() + " s apart); give its seconds field one value, "
          + "as in '0 * * * * ?'");
    }
  }
}
