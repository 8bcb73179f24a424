package io.airbyte.scheduler;

import io.airbyte.contract.job.RetrySettings;
import io.airbyte.db.DatabaseConfig;
import io.airbyte.db.settings.Parsers;
import io.airbyte.db.settings.Setting;
import io.airbyte.db.settings.Settings;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Everything the scheduler process reads from the environment, built once at its start. The
 * database is used only when the scheduler runs as its own process ({@link SchedulerProcess#main}).
 * The retry policy is the scheduler's: the connection's workflow asks for it at each job.
 */
public record SchedulerConfig(DatabaseConfig database, TemporalSettings temporal, RetrySettings retry, int maxFailedJobsInARow,
    Duration reconcileInterval, Duration workerHeartbeatTimeout) {

  private static final RetrySettings RETRY_DEFAULTS = RetrySettings.defaults();

  public static final Setting<Integer> MAX_ATTEMPTS = Setting.of("AIRBYTE_MAX_ATTEMPTS",
      Integer.toString(RETRY_DEFAULTS.maxAttempts()), RETRY_DEFAULTS.maxAttempts(), "attempts of a job at most", Parsers.wholeNumber());
  public static final Setting<Integer> MAX_SUCCESSIVE_FAILED_ATTEMPTS = Setting.of("AIRBYTE_MAX_SUCCESSIVE_FAILED_ATTEMPTS",
      Integer.toString(RETRY_DEFAULTS.maxSuccessiveFailures()), RETRY_DEFAULTS.maxSuccessiveFailures(),
      "attempts in a row that commit nothing before the job fails", Parsers.wholeNumber());
  public static final Setting<Integer> MAX_FAILED_JOBS_IN_A_ROW = Setting.of("AIRBYTE_MAX_FAILED_JOBS_IN_A_ROW", "3", 3,
      "failed jobs in a row that disable a connection", Parsers.wholeNumber());
  public static final Setting<Integer> RECONCILE_SECONDS = Setting.of("AIRBYTE_RECONCILE_SECONDS", "60", 60,
      "seconds between two reconciliations of the connection workflows with the database", Parsers.wholeNumber());

  public static final Setting<Integer> WORKER_HEARTBEAT_TIMEOUT_SECONDS = Setting.of("AIRBYTE_WORKER_HEARTBEAT_TIMEOUT_SECONDS",
      "300", 300, "seconds the worker running a check or a replication may go without a heartbeat before it is deemed lost: the"
          + " attempt fails with `heartbeat_timeout` and the job's next attempt runs on a worker that answers",
      Parsers.positiveWholeNumber());

  public static final List<Setting<?>> VARIABLES = Settings.concat(DatabaseConfig.VARIABLES, TemporalSettings.VARIABLES,
      List.of(MAX_ATTEMPTS, MAX_SUCCESSIVE_FAILED_ATTEMPTS, MAX_FAILED_JOBS_IN_A_ROW, RECONCILE_SECONDS,
          WORKER_HEARTBEAT_TIMEOUT_SECONDS));

  public static SchedulerConfig fromEnvironment(Map<String, String> env) {
    return new SchedulerConfig(DatabaseConfig.fromEnvironment(env), TemporalSettings.fromEnvironment(env), retry(env),
        MAX_FAILED_JOBS_IN_A_ROW.read(env), Duration.ofSeconds(RECONCILE_SECONDS.read(env)),
        Duration.ofSeconds(WORKER_HEARTBEAT_TIMEOUT_SECONDS.read(env)));
  }

  /** The default retry policy, with the attempt limits the environment sets. */
  private static RetrySettings retry(Map<String, String> env) {
    return new RetrySettings(MAX_ATTEMPTS.read(env), MAX_SUCCESSIVE_FAILED_ATTEMPTS.read(env), RETRY_DEFAULTS.initialBackoffSeconds(),
        RETRY_DEFAULTS.multiplier(), RETRY_DEFAULTS.maxBackoffSeconds());
  }

  /** The same configuration on another Temporal server (the standalone platform's own). */
  public SchedulerConfig withTemporal(TemporalSettings other) {
    return new SchedulerConfig(database, other, retry, maxFailedJobsInARow, reconcileInterval, workerHeartbeatTimeout);
  }
}
