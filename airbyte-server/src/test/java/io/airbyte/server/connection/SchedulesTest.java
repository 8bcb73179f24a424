package io.airbyte.server.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.airbyte.contract.schedule.Schedule;
import io.airbyte.server.connection.ConnectionRequest.ScheduleBody;
import io.airbyte.server.error.ApiException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpStatus;

/** The API's schedules: what a connection (create or update) and the schedule preview refuse, with the same 422. */
class SchedulesTest {

  private final SchedulePreviews preview = new SchedulePreviews();

  @ParameterizedTest
  @ValueSource(strings = {"Every 0 hours", "Every 0 minutes", "Every 99999999999 hours", "Every 400 days", "Every 13 months",
      "Every 366 days", "Every 99999999999999999999999999 weeks"})
  void basicTimingsOutsideOneMinuteToOneYearAreRefusedNamingTheField(String timing) {
    for (Runnable call : new Runnable[] {() -> Schedules.fromApi(new ScheduleBody("basic", null, timing)),
        () -> preview.preview("basic", null, timing)}) {
      assertThatThrownBy(call::run).isInstanceOfSatisfying(ApiException.class, e -> {
        assertThat(e.status()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(e.errors()).singleElement().asString().startsWith("schedule.basicTiming: '" + timing + "'")
            .contains("outside 1 minute … 1 year");
      });
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"* * * * * ?", "0/30 * * * * ?", "0,30 0 12 * * ?", "0 0 12 * * ? Mars/Base", "every day"})
  void cronsFiringMoreThanOnceAMinuteOrNotQuartzAreRefusedNamingTheField(String expression) {
    for (Runnable call : new Runnable[] {() -> Schedules.fromApi(new ScheduleBody("cron", expression, null)),
        () -> preview.preview("cron", expression, null)}) {
      assertThatThrownBy(call::run).isInstanceOfSatisfying(ApiException.class, e -> {
        assertThat(e.status()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(e.errors()).singleElement().asString().startsWith("schedule.cronExpression: ");
      });
    }
  }

  @ParameterizedTest
  @CsvSource({"Every 1 minutes,minutes,1", "Every 12 months,months,12", "Every 365 days,days,365", "Every 24 hours,hours,24",
      "every 1 week,weeks,1"})
  void basicTimingsFromOneMinuteToOneYearAreStored(String timing, String unit, long units) {
    Schedule.Basic schedule = (Schedule.Basic) Schedules.fromApi(new ScheduleBody("basic", null, timing));
    assertThat(schedule.timeUnit().value()).isEqualTo(unit);
    assertThat(schedule.units()).isEqualTo(units);
    assertThat(preview.preview("basic", null, timing).nextRuns()).hasSize(5);
  }

  @ParameterizedTest
  @ValueSource(strings = {"0 * * * * ?", "30 0/5 * * * ?", "0 0 2 * * ? Europe/Paris"})
  void cronsFiringAtMostOnceAMinuteAreStored(String expression) {
    assertThat(Schedules.fromApi(new ScheduleBody("cron", expression, null)).type()).isEqualTo("cron");
    assertThat(preview.preview("cron", expression, null).nextRuns()).hasSize(5);
  }
}
