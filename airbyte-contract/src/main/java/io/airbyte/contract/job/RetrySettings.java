package io.airbyte.contract.job;

/**
 * How failed attempts are retried, as Airbyte does: up to {@code maxAttempts} attempts per job and
 * {@code maxSuccessiveFailures} attempts in a row that committed nothing; between them a backoff
 * of {@code initialBackoffSeconds × multiplier^(n-1)}, at most {@code maxBackoffSeconds}. An attempt
 * that committed data resets the count and the next one starts at once. The scheduler's
 * configuration decides it (its environment sets the attempt limits); the connection's workflow asks
 * for it at each job.
 */
public record RetrySettings(int maxAttempts, int maxSuccessiveFailures, long initialBackoffSeconds, double multiplier,
    long maxBackoffSeconds) {

  public static RetrySettings defaults() {
    return new RetrySettings(20, 5, 10, 3, 1800);
  }

  public long backoffSeconds(int successiveFailures) {
    if (successiveFailures <= 0) {
      return 0;
    }
    double seconds = initialBackoffSeconds * Math.pow(multiplier, successiveFailures - 1);
    return (long) Math.min(seconds, maxBackoffSeconds);
  }
}
