package io.airbyte.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.airbyte.contract.job.RetrySettings;
import io.airbyte.contract.job.ScheduleInfo;
import io.airbyte.contract.schedule.Schedule;
import io.airbyte.db.connection.ScheduleColumns;
import io.airbyte.protocol.json.Jsons;
import io.airbyte.scheduler.schedule.NextRun;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class NextRunTest {

  private static ScheduleInfo schedule(Schedule schedule, Long last) {
    return new ScheduleInfo("active", schedule, last, null, null, List.of(), 0);
  }

  /** The interval of a stored {@code basicSchedule}. */
  static long storedIntervalMillis(String basicSchedule) {
    Schedule stored = ScheduleColumns.read("basic", Jsons.deserialize("{\"basicSchedule\":" + basicSchedule + "}"));
    return ((Schedule.Basic) stored).interval().toMillis();
  }

  @Test
  void basicRunsAnIntervalAfterTheLastJobOrAtOnce() {
    long hour = 3_600_000;
    Schedule hourly = new Schedule.Basic(1, Schedule.TimeUnit.HOURS);
    assertThat(NextRun.after(schedule(hourly, null), 5)).contains(5L);
    assertThat(NextRun.after(schedule(hourly, 1000L), 5)).contains(1000L + hour);
    assertThat(NextRun.after(schedule(Schedule.manual(), null), 5)).isEmpty();
    assertThat(storedIntervalMillis("{\"timeUnit\":\"days\",\"units\":2}")).isEqualTo(2 * 24 * hour);
    assertThatThrownBy(() -> storedIntervalMillis("{\"timeUnit\":\"fortnights\",\"units\":2}"))
        .hasMessageContaining("basicSchedule.timeUnit");
  }

  @Test
  void cronIsQuartzInItsTimeZone() {
    long now = Instant.parse("2026-03-28T23:30:00Z").toEpochMilli();
    // 02:00 every day in Paris: 01:00 UTC in winter
    assertThat(NextRun.nextCron("0 0 2 * * ?", "Europe/Paris", Instant.parse("2026-01-10T00:00:00Z").toEpochMilli()))
        .contains(Instant.parse("2026-01-10T01:00:00Z").toEpochMilli());
    // 2026-03-29 02:00 does not exist in Paris (summer time starts): as Quartz, that day is skipped
    assertThat(NextRun.nextCron("0 0 2 * * ?", "Europe/Paris", now))
        .contains(Instant.parse("2026-03-30T00:00:00Z").toEpochMilli());
    assertThat(NextRun.nextCron("0 15 10 ? * MON-FRI", "UTC", Instant.parse("2026-11-28T00:00:00Z").toEpochMilli()))
        .contains(Instant.parse("2026-11-30T10:15:00Z").toEpochMilli());
    assertThatThrownBy(() -> new Schedule.Cron("every day", null)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void backoffGrowsAndIsCapped() {
    RetrySettings retry = new RetrySettings(20, 5, 10, 3, 100);
    assertThat(retry.backoffSeconds(0)).isZero();
    assertThat(retry.backoffSeconds(1)).isEqualTo(10);
    assertThat(retry.backoffSeconds(2)).isEqualTo(30);
    assertThat(retry.backoffSeconds(3)).isEqualTo(90);
    assertThat(retry.backoffSeconds(4)).isEqualTo(100);
  }
}
