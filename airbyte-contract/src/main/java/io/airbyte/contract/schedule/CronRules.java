package io.airbyte.contract.schedule;

import com.cronutils.model.Cron;
import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/** Which crons the platform runs: Quartz, in a known time zone, firing at most once a minute. */
final class CronRules {

  private static final String FIELD = InvalidScheduleException.CRON_EXPRESSION;
  private static final CronParser QUARTZ = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.QUARTZ));

  private CronRules() {}

  /**
   * Refuses an expression that is not Quartz, a zone that is unknown, or an expression that fires
   * more often than once a minute (Quartz has a seconds field: {@code * * * * * ?} fires every second,
   * {@code 0/30 * * * * ?} twice a minute). The message says what is wrong.
   */
  static void validate(String expression, String zone) {
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
      ZoneId.of(zone);
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
