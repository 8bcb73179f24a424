package io.airbyte.contract.schedule;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonValue;
import java.math.BigInteger;
import java.time.Duration;
import java.util.Locale;

/**
 * When a connection syncs: {@link Manual} (only when asked), {@link Basic} (every n minutes … months,
 * counted from the start of the last job) or {@link Cron} (a Quartz expression in a time zone).
 *
 * <p>A basic or cron schedule is always one the platform runs: its constructor refuses the others
 * with an {@link InvalidScheduleException} naming the API's field (a basic schedule from 1 minute to
 * 1 year, a month counting 30 days; a cron firing at most once a minute, in a known time zone). So
 * the API, the database mapping and the scheduler apply the same rules simply by building one.
 *
 * <p>As JSON (Temporal's payloads): {@code {"type":"basic","units":24,"timeUnit":"hours"}},
 * {@code {"type":"cron","expression":"0 0 12 * * ?","timeZone":"UTC"}}, {@code {"type":"manual"}}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = Schedule.Manual.class, name = "manual"),
    @JsonSubTypes.Type(value = Schedule.Basic.class, name = "basic"),
    @JsonSubTypes.Type(value = Schedule.Cron.class, name = "cron")})
public sealed interface Schedule permits Schedule.Manual, Schedule.Basic, Schedule.Cron {

  /** {@code manual}, {@code basic} or {@code cron}, as the API and the database name the kind. */
  String type();

  static Manual manual() {
    return new Manual();
  }

  /** No scheduled runs: jobs start when asked for. */
  record Manual() implements Schedule {

    @Override
    public String type() {
      return "manual";
    }
  }

  /** Every {@code units} {@code timeUnit}, from 1 minute to 1 year (365 days). */
  record Basic(long units, TimeUnit timeUnit) implements Schedule {

    private static final BigInteger SHORTEST_MILLIS = BigInteger.valueOf(Duration.ofMinutes(1).toMillis());
    private static final BigInteger LONGEST_MILLIS = BigInteger.valueOf(Duration.ofDays(365).toMillis());

    public Basic {
      if (timeUnit == null) {
        throw TimeUnit.unknown(null);
      }
      checkRange(BigInteger.valueOf(units), timeUnit);
    }

    /**
     * "Every {@code units} {@code timeUnit}" as written (units of any size, a unit in any case), or
     * refused with the same messages as the constructor.
     */
    public static Basic of(BigInteger units, String timeUnit) {
      TimeUnit unit = TimeUnit.of(timeUnit);
      checkRange(units, unit);
      return new Basic(units.longValueExact(), unit);
    }

    private static void checkRange(BigInteger units, TimeUnit unit) {
      BigInteger millis = units.multiply(BigInteger.valueOf(unit.length().toMillis()));
      if (millis.compareTo(SHORTEST_MILLIS) < 0 || millis.compareTo(LONGEST_MILLIS) > 0) {
        throw new InvalidScheduleException(InvalidScheduleException.BASIC_TIMING,
            "'Every " + units + " " + unit.value() + "' is outside 1 minute … 1 year (365 days)");
      }
    }

    public Duration interval() {
      return timeUnit.length().multipliedBy(units);
    }

    @Override
    public String type() {
      return "basic";
    }
  }

  /** A Quartz cron expression in a time zone (UTC when none is given), firing at most once a minute. */
  record Cron(String expression, String timeZone) implements Schedule {

    public Cron {
      timeZone = timeZone == null ? "UTC" : timeZone;
      CronRules.validate(expression, timeZone);
    }

    @Override
    public String type() {
      return "cron";
    }
  }

  /** The units of a basic schedule, as Airbyte names them; a month counts 30 days. */
  enum TimeUnit {
    MINUTES(Duration.ofMinutes(1)),
    HOURS(Duration.ofHours(1)),
    DAYS(Duration.ofDays(1)),
    WEEKS(Duration.ofDays(7)),
    MONTHS(Duration.ofDays(30));

    private final Duration length;

    TimeUnit(Duration length) {
      this.length = length;
    }

    public Duration length() {
      return length;
    }

    @JsonValue
    public String value() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** The unit of a value in any case, or refused naming the API's {@code basicTiming}. */
    @JsonCreator
    public static TimeUnit of(String value) {
      for (TimeUnit unit : values()) {
        if (value != null && unit.value().equals(value.toLowerCase(Locale.ROOT))) {
          return unit;
        }
      }
      throw unknown(value);
    }

    private static InvalidScheduleException unknown(String value) {
      return new InvalidScheduleException(InvalidScheduleException.BASIC_TIMING,
          "basicSchedule.timeUnit must be minutes, hours, days, weeks or months, not '" + value + "'");
    }
  }
}
