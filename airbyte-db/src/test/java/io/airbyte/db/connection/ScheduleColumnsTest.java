package io.airbyte.db.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.airbyte.contract.schedule.InvalidScheduleException;
import io.airbyte.contract.schedule.Schedule;
import io.airbyte.protocol.json.Jsons;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A schedule in the connection's columns is Airbyte's stored shape, and reads back as the same schedule. */
class ScheduleColumnsTest {

  @Test
  void eachKindIsStoredAsAirbyteStoresIt() {
    assertThat(Schedule.manual().type()).isEqualTo("manual");
    assertThat(ScheduleColumns.data(Schedule.manual())).isNull();
    Schedule basic = new Schedule.Basic(24, Schedule.TimeUnit.HOURS);
    assertThat(basic.type()).isEqualTo("basic");
    assertThat(Jsons.serialize(ScheduleColumns.data(basic))).isEqualTo("{\"basicSchedule\":{\"timeUnit\":\"hours\",\"units\":24}}");
    Schedule cron = new Schedule.Cron("0 0 12 * * ?", "Europe/Paris");
    assertThat(cron.type()).isEqualTo("cron");
    assertThat(Jsons.serialize(ScheduleColumns.data(cron)))
        .isEqualTo("{\"cron\":{\"cronExpression\":\"0 0 12 * * ?\",\"cronTimeZone\":\"Europe/Paris\"}}");
  }

  @Test
  void whatIsStoredReadsBackAsTheSameSchedule() {
    for (Schedule schedule : List.of(Schedule.manual(), new Schedule.Basic(1, Schedule.TimeUnit.MINUTES),
        new Schedule.Basic(12, Schedule.TimeUnit.MONTHS), new Schedule.Cron("0 15 10 ? * MON-FRI", "UTC"))) {
      // through the text the jsonb column holds
      String stored = ScheduleColumns.data(schedule) == null ? null : Jsons.serialize(ScheduleColumns.data(schedule));
      assertThat(ScheduleColumns.read(schedule.type(), stored == null ? null : Jsons.deserialize(stored))).isEqualTo(schedule);
    }
  }

  @Test
  void storedRowsAreReadAsAirbyteWroteThem() {
    assertThat(ScheduleColumns.read("manual", Jsons.deserialize("{\"whatever\":1}"))).isEqualTo(Schedule.manual());
    assertThat(ScheduleColumns.read("basic", Jsons.deserialize("{\"basicSchedule\":{\"timeUnit\":\"Days\",\"units\":2}}")))
        .isEqualTo(new Schedule.Basic(2, Schedule.TimeUnit.DAYS));
    assertThat(ScheduleColumns.read("cron", Jsons.deserialize("{\"cron\":{\"cronExpression\":\"0 0 * * * ?\"}}")))
        .isEqualTo(new Schedule.Cron("0 0 * * * ?", "UTC"));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "basic|{\"basicSchedule\":{\"timeUnit\":\"hours\",\"units\":0}}|'Every 0 hours' is outside 1 minute … 1 year (365 days)",
      "basic|{\"basicSchedule\":{\"timeUnit\":\"minutes\",\"units\":1000000000000000000000000000000}}|outside 1 minute",
      "basic|{\"basicSchedule\":{\"timeUnit\":\"fortnights\",\"units\":2}}|basicSchedule.timeUnit must be minutes",
      "basic|{\"basicSchedule\":{\"timeUnit\":\"hours\",\"units\":\"24\"}}|basicSchedule.units must be a whole number, not \"24\"",
      "basic||basicSchedule.units must be a whole number, not null",
      "cron|{\"cron\":{\"cronExpression\":\"* * * * * ?\",\"cronTimeZone\":\"UTC\"}}|fires more often than once a minute",
      "cron|{\"cron\":{\"cronExpression\":\"0 0 12 * * ?\",\"cronTimeZone\":\"Mars/Base\"}}|unknown time zone 'Mars/Base'",
      "cron|{}|a cron schedule needs an expression"})
  void aStoredRowThePlatformDoesNotRunIsRefusedAsTheApiWouldRefuseIt(String type, String data, String message) {
    assertThatThrownBy(() -> ScheduleColumns.read(type, data == null ? null : Jsons.deserialize(data)))
        .isInstanceOf(InvalidScheduleException.class).hasMessageContaining(message);
  }
}
