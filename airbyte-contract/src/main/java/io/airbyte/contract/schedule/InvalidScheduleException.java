package io.airbyte.contract.schedule;

/**
 * A schedule that is refused: one the platform cannot compute, or one outside what it runs (basic
 * intervals of 1 minute … 1 year, crons firing at most once a minute). {@link #field()} names the
 * part of the API's schedule that is wrong: {@code basicTiming} or {@code cronExpression}.
 */
public final class InvalidScheduleException extends IllegalArgumentException {

  /** The API's field of a basic schedule's timing ("Every 24 hours"). */
  public static final String BASIC_TIMING = "basicTiming";
  /** The API's field of a cron schedule's expression. */
  public static final String CRON_EXPRESSION = "cronExpression";

  private final String field;

  public InvalidScheduleException(String field, String message) {
    super(message);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
