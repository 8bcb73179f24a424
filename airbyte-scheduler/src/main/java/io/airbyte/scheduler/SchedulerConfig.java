package io.airbyte.scheduler;

import io.airbyte.db.DatabaseConfig;
import io.airbyte.db.settings.Parsers;
import io.airbyte.db.settings.Setting;
import io.airbyte.db.settings.Settings;
import io.airbyte.scheduler.connection.RetrySettings;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Everything the scheduler process reads from the environment, built once at its start. The
 * database is used only when the scheduler runs as its own process ({@link SchedulerProcess#main}).
 */
public record SchedulerConfig(DatabaseConfig database, TemporalSettings temporal, RetrySettings retry, int maxFailedJobsInARow,
    Duration reconcileInterval) {

  public static final Setting<Integer> MAX_FAILED_JOBS_IN_A_ROW = Setting.of("AIRBYTE_MAX_FAILED_JOBS_IN_A_ROW", "3", 3,
      "failed jobs in a row that disable a connection", Parsers.wholeNumber());
  public static final Setting<Integer> RECONCILE_SECONDS = Setting.of("AIRBYTE_RECONCILE_SECONDS", "60", 60,
      "seconds between two reconciliations of the connection workflows with the database", Parsers.wholeNumber());

  public static final List<Setting<?>> VARIABLES = Settings.concat(DatabaseConfig.VARIABLES, TemporalSettings.VARIABLES,
      RetrySettings.VARIABLES, List.of(MAX_FAILED_JOBS_IN_A_ROW, RECONCILE_SECONDS));

  public static SchedulerConfig fromEnvironment(Map<String, String> env) {
    return new SchedulerConfig(DatabaseConfig.fromEnvironment(env), TemporalSettings.fromEnvironment(env),
        RetrySettings.fromEnvironment(env), MAX_FAILED_JOBS_IN_A_ROW.read(env), Duration.ofSeconds(RECONCILE_SECONDS.read(env)));
  }

  /** The same configuration on another Temporal server (the standalone platform's own). */
  public SchedulerConfig withTemporal(TemporalSettings other) {
    return new SchedulerConfig(database, other, retry, maxFailedJobsInARow, reconcileInterval);
  }
}
