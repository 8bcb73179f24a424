package io.airbyte.scheduler.schedule;

import com.cronutils.descriptor.CronDescriptor;
import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import io.airbyte.contract.job.ScheduleInfo;
import io.airbyte.contract.schedule.Schedule;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.Optional;

/**
 * When a connection's next scheduled job starts (pure: the workflow calls it with its own clock).
 * Manual: never. Basic: one interval after the last job started (at once when there was none).
 * Cron: the next fire time of the Quartz expression in its time zone after now. Which schedules
 * run at all is {@link Schedule}'s to say.
 */
public final class NextRun {

  private static final CronParser QUARTZ = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.QUARTZ));

  private NextRun() {}

  /** Epoch millis of the next run, or empty for never; an overflow is an {@link ArithmeticException}, never a past time. */
  public static Optional<Long> after(ScheduleInfo info, long nowMillis) {
    Schedule schedule = info.schedule();
    if (schedule instanceof Schedule.Basic basic) {
      if (info.lastJobCreatedAtMillis() == null) {
        return Optional.of(nowMillis);
      }
      return Optional.of(Math.addExact(info.lastJobCreatedAtMillis(), basic.interval().toMillis()));
    }
    if (schedule instanceof Schedule.Cron cron) {
      return nextCron(cron.expression(), cron.timeZone(), nowMillis);
    }
    return Optional.empty();
  }

  public static Optional<Long> nextCron(String expression, String zone, long afterMillis) {
    ExecutionTime execution = ExecutionTime.forCron(QUARTZ.parse(expression));
    ZonedDateTime from = ZonedDateTime.ofInstant(Instant.ofEpochMilli(afterMillis), ZoneId.of(zone == null ? "UTC" : zone));
    return execution.nextExecution(from).map(t -> t.toInstant().toEpochMilli());
  }

  /** A Quartz cron expression in words ("every 15 minutes", "at 02:00 ..."), for a preview. */
  public static String describe(String expression) {
    return CronDescriptor.instance(Locale.UK).describe(QUARTZ.parse(expression));
  }
}
