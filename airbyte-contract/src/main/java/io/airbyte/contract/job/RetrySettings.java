package io.airbyte.scheduler.connection;

import io.airbyte.db.settings.Parsers;
import io.airbyte.db.settings.Setting;
import java.util.List;
import java.util.Map;

/**
 * How failed attempts are retried, as Airbyte does: up to {@code maxAttempts} attempts per job and
 * {@code maxSuccessiveFailures} attempts in a row that committed nothing; between them a backoff
 * of {@code initialBackoffSeconds × multiplier^(n-1)}, at most {@code maxBackoffSeconds}. An attempt
 * that committed data resets the count and the next one starts at once.
 */
public record RetrySettings(int maxAttempts, int maxSuccessiveFailures, long initialBackoffSeconds, double multiplier,
    long maxBackoffSeconds) {

  public static final Setting<Integer> MAX_ATTEMPTS = Setting.of("AIRBYTE_MAX_ATTEMPTS", "20", 20,
      "attempts of a job at most", Parsers.wholeNumber());
  public static final Setting<Integer> MAX_SUCCESSIVE_FAILED_ATTEMPTS = Setting.of("AIRBYTE_MAX_SUCCESSIVE_FAILED_ATTEMPTS",
      "5", 5, "attempts in a row that commit nothing before the job fails", Parsers.wholeNumber());

  public static final List<Setting<?>> VARIABLES = List.of(MAX_ATTEMPTS, MAX_SUCCESSIVE_FAILED_ATTEMPTS);

  public static RetrySettings defaults() {
    return new RetrySettings(MAX_ATTEMPTS.fallback(), MAX_SUCCESSIVE_FAILED_ATTEMPTS.fallback(), 10, 3, 1800);
  }

  /** The defaults, with the attempt limits the environment sets. */
  public static RetrySettings fromEnvironment(Map<String, String> env) {
    RetrySettings d = defaults();
    return new RetrySettings(MAX_ATTEMPTS.read(env), MAX_SUCCESSIVE_FAILED_ATTEMPTS.read(env), d.initialBackoffSeconds(),
        d.multiplier(), d.maxBackoffSeconds());
  }

  public long backoffSeconds(int successiveFailures) {
    if (successiveFailures <= 0) {
      return 0;
    }
    double seconds = initialBackoffSeconds * Math.pow(multiplier, successiveFailures - 1);
    return (long) Math.min(seconds, maxBackoffSeconds);
  }
}
