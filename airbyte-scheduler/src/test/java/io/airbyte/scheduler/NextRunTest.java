package io.airbyte.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.airbyte.protocol.json.Jsons;
import io.airbyte.scheduler.connection.RetrySettings;
import io.airbyte.scheduler.job.BasicSchedules;
import io.airbyte.scheduler.job.ScheduleInfo;
import io.airbyte.scheduler.schedule.NextRun;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class NextRunTest {

  private static ScheduleInfo schedule(String type, long interval, String cron, String zone, Long last) {
    return new ScheduleInfo("active", type, interval, cron, zone, last, null, null, List.of(), 0);
  }

  @Test
  void basicRunsAnIntervalAfterTheLastJobOrAtOnce() {
    long hour = 3_600_000;
    assertThat(NextRun.after(schedule("basic", hour, null, null, null), 5)).contains(5L);
    assertThat(NextRun.after(schedule("basic", hour, null, null, 1000L), 5)).contains(1000L + hour);
    assertThat(NextRun.after(schedule("manual", 0, null, null, null), 5)).isEmpty();
    assertThat(BasicSchedules.intervalMillis(Jsons.deserialize("{\"timeUnit\":\"days\",\"units\":2}"))).isEqualTo(2 * 24 * hour);
    assertThatThrownBy(() -> BasicSchedules.intervalMillis(Jsons.deserialize("{\"timeUnit\":\"fortnights\",\"units\":2}")))
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
    assertThatThrownBy(() -> NextRun.validateCron("every day")).isInstanceOf(IllegalArgumentException.class);
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
