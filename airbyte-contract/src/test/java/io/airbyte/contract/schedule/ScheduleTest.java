package io.airbyte.contract.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.airbyte.contract.job.JobType;
import io.airbyte.contract.job.ScheduleInfo;
import io.airbyte.contract.sync.StreamRef;
import io.temporal.api.common.v1.Payload;
import io.temporal.common.converter.DataConverter;
import io.temporal.common.converter.DefaultDataConverter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A schedule is one the platform runs, and travels through Temporal's default payload converter as itself. */
class ScheduleTest {

  private static final DataConverter TEMPORAL = DefaultDataConverter.newDefaultInstance();

  private static String json(Object value) {
    Payload payload = TEMPORAL.toPayload(value).orElseThrow();
    return payload.getData().toString(StandardCharsets.UTF_8);
  }

  private static <T> T roundTrip(T value, Class<T> type) {
    return TEMPORAL.fromPayload(TEMPORAL.toPayload(value).orElseThrow(), type, type);
  }

  @Test
  void eachKindIsItsTypedJsonThroughTemporal() {
    assertThat(json(Schedule.manual())).isEqualTo("{\"type\":\"manual\"}");
    assertThat(json(new Schedule.Basic(24, Schedule.TimeUnit.HOURS)))
        .isEqualTo("{\"type\":\"basic\",\"units\":24,\"timeUnit\":\"hours\"}");
    assertThat(json(new Schedule.Cron("0 0 12 * * ?", "Europe/Paris")))
        .isEqualTo("{\"type\":\"cron\",\"expression\":\"0 0 12 * * ?\",\"timeZone\":\"Europe/Paris\"}");
  }

  @Test
  void eachKindComesBackAsItWentThroughTemporal() {
    for (Schedule schedule : List.of(Schedule.manual(), new Schedule.Basic(1, Schedule.TimeUnit.MINUTES),
        new Schedule.Basic(12, Schedule.TimeUnit.MONTHS), new Schedule.Cron("0 15 10 ? * MON-FRI", "UTC"))) {
      assertThat(roundTrip(schedule, Schedule.class)).isEqualTo(schedule);
    }
  }

  @Test
  void theJobActivitiesAnswerCarriesItsScheduleThroughTemporal() {
    ScheduleInfo info = new ScheduleInfo("active", new Schedule.Cron("0 0 2 * * ?", "Europe/Paris"), 1_000L, 7L, JobType.CLEAR,
        List.of(new StreamRef("public", "users")), 2);
    assertThat(roundTrip(info, ScheduleInfo.class)).isEqualTo(info);
    assertThat(json(info)).contains("\"schedule\":{\"type\":\"cron\"", "\"unfinishedJobType\":\"clear\"");
  }

  @Test
  void basicIntervalsCountAMonthAsThirtyDays() {
    assertThat(new Schedule.Basic(2, Schedule.TimeUnit.WEEKS).interval()).isEqualTo(Duration.ofDays(14));
    assertThat(new Schedule.Basic(12, Schedule.TimeUnit.MONTHS).interval()).isEqualTo(Duration.ofDays(360));
    assertThat(Schedule.Basic.of(BigInteger.valueOf(24), "HOURS")).isEqualTo(new Schedule.Basic(24, Schedule.TimeUnit.HOURS));
  }

  @ParameterizedTest
  @CsvSource({"0,hours", "366,days", "525601,minutes", "100000000000000000000000000000,minutes"})
  void aBasicScheduleOutsideOneMinuteToOneYearCannotBeBuilt(String units, String unit) {
    assertThatThrownBy(() -> Schedule.Basic.of(new BigInteger(units), unit))
        .isInstanceOfSatisfying(InvalidScheduleException.class, e -> assertThat(e.field()).isEqualTo("basicTiming"))
        .hasMessage("'Every " + units + " " + unit + "' is outside 1 minute … 1 year (365 days)");
  }

  @Test
  void aBasicScheduleNeedsAKnownUnit() {
    assertThatThrownBy(() -> Schedule.Basic.of(BigInteger.TWO, "fortnights")).isInstanceOf(InvalidScheduleException.class)
        .hasMessage("basicSchedule.timeUnit must be minutes, hours, days, weeks or months, not 'fortnights'");
    assertThatThrownBy(() -> new Schedule.Basic(2, null)).isInstanceOf(InvalidScheduleException.class)
        .hasMessageContaining("not 'null'");
  }

  @Test
  void aCronIsQuartzInAKnownZoneFiringAtMostOnceAMinute() {
    assertThat(new Schedule.Cron("0 * * * * ?", null).timeZone()).isEqualTo("UTC");
    assertThatThrownBy(() -> new Schedule.Cron("0/30 * * * * ?", "UTC"))
        .isInstanceOfSatisfying(InvalidScheduleException.class, e -> assertThat(e.field()).isEqualTo("cronExpression"))
        .hasMessage("'0/30 * * * * ?' fires more often than once a minute (runs 30 s apart); give its seconds field one value, "
            + "as in '0 * * * * ?'");
    assertThatThrownBy(() -> new Schedule.Cron("0 0 12 * * ?", "Mars/Base")).hasMessage("unknown time zone 'Mars/Base'");
    assertThatThrownBy(() -> new Schedule.Cron(" ", "UTC")).hasMessage("a cron schedule needs an expression");
  }

  @Test
  void aRefusedScheduleDoesNotComeBackFromJsonEither() {
    assertThatThrownBy(() -> TEMPORAL.fromPayload(Payload.newBuilder().putMetadata("encoding",
            com.google.protobuf.ByteString.copyFromUtf8("json/plain"))
        .setData(com.google.protobuf.ByteString.copyFromUtf8("{\"type\":\"basic\",\"units\":0,\"timeUnit\":\"hours\"}")).build(),
        Schedule.class, Schedule.class))
        .hasRootCauseInstanceOf(InvalidScheduleException.class);
  }
}
