package io.airbyte.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.airbyte.contract.job.ScheduleInfo;
import io.airbyte.contract.schedule.InvalidScheduleException;
import io.airbyte.contract.schedule.Schedule;
import io.airbyte.scheduler.schedule.NextRun;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Which schedules the platform runs: basic 1 minute … 1 year, crons at most once a minute in a known zone. */
class ScheduleRulesTest {

  @ParameterizedTest
  @CsvSource({"0,hours", "99999999999,hours", "400,days", "13,months", "53,weeks", "8761,hours", "525601,minutes",
      "100000000000000000000000000000,minutes"})
  void basicIntervalsOutsideOneMinuteToOneYearAreRefused(String units, String unit) {
    assertThatThrownBy(() -> Schedule.Basic.of(new BigInteger(units), unit).interval())
        .isInstanceOf(InvalidScheduleException.class)
        .hasMessageContaining("outside 1 minute … 1 year")
        .satisfies(e -> assertThat(((InvalidScheduleException) e).field()).isEqualTo("basicTiming"));
  }

  @ParameterizedTest
  @CsvSource({"1,minutes", "12,months", "365,days", "52,weeks", "8760,hours", "525600,minutes", "24,hours"})
  void basicIntervalsFromOneMinuteToOneYearRun(String units, String unit) {
    assertThat(Schedule.Basic.of(new BigInteger(units), unit).interval()).isBetween(Duration.ofMinutes(1), Duration.ofDays(365));
  }

  @Test
  void aStoredBasicScheduleIsCheckedTheSameWay() {
    assertThatThrownBy(() -> NextRunTest.storedIntervalMillis("{\"timeUnit\":\"hours\",\"units\":99999999999}"))
        .isInstanceOf(InvalidScheduleException.class);
    assertThatThrownBy(() -> NextRunTest.storedIntervalMillis("{\"timeUnit\":\"hours\",\"units\":\"24\"}"))
        .isInstanceOf(InvalidScheduleException.class).hasMessageContaining("whole number");
    assertThatThrownBy(() -> NextRunTest.storedIntervalMillis("{}")).isInstanceOf(InvalidScheduleException.class);
    assertThat(NextRunTest.storedIntervalMillis("{\"timeUnit\":\"months\",\"units\":12}"))
        .isEqualTo(Duration.ofDays(360).toMillis());
  }

  @ParameterizedTest
  @ValueSource(strings = {"* * * * * ?", "0/30 * * * * ?", "0,30 * * * * ?", "0-1 0 12 * * ?", "*/10 0 12 ? * MON"})
  void cronsFiringMoreOftenThanOnceAMinuteAreRefused(String expression) {
    assertThatThrownBy(() -> new Schedule.Cron(expression, "UTC"))
        .isInstanceOf(InvalidScheduleException.class)
        .hasMessageContaining("more often than once a minute")
        .satisfies(e -> assertThat(((InvalidScheduleException) e).field()).isEqualTo("cronExpression"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"0 * * * * ?", "30 * * * * ?", "0 0/5 * * * ?", "0 0 12 * * ?", "0 15 10 ? * MON-FRI",
      "0 0 0 1 1 ? 2099", "0 0 0 30 2 ?"})
  void cronsFiringAtMostOnceAMinuteRun(String expression) {
    new Schedule.Cron(expression, "Europe/Paris");
  }

  @Test
  void aCronInAnUnknownZoneOrNotQuartzIsRefused() {
    assertThatThrownBy(() -> new Schedule.Cron("0 0 12 * * ?", "Mars/Base")).isInstanceOf(InvalidScheduleException.class)
        .hasMessageContaining("unknown time zone 'Mars/Base'");
    assertThatThrownBy(() -> new Schedule.Cron("every day", "UTC")).isInstanceOf(InvalidScheduleException.class);
    assertThatThrownBy(() -> new Schedule.Cron(null, "UTC")).isInstanceOf(InvalidScheduleException.class);
  }

  @Test
  void aNextRunThatOverflowsIsAnErrorNotAPastTime() {
    ScheduleInfo huge = new ScheduleInfo("active", new Schedule.Basic(365, Schedule.TimeUnit.DAYS), Long.MAX_VALUE - 1_000L, null,
        null, List.of(), 0);
    assertThatThrownBy(() -> NextRun.after(huge, 5)).isInstanceOf(ArithmeticException.class);
    // a basic schedule without an interval cannot even be built
    assertThatThrownBy(() -> NextRun.after(new ScheduleInfo("active", new Schedule.Basic(0, Schedule.TimeUnit.HOURS), 1_000L, null,
        null, List.of(), 0), 5)).isInstanceOf(InvalidScheduleException.class);
  }
}
