package io.airbyte.worker.sync;

import io.airbyte.db.DatabaseConfig;
import io.airbyte.db.secret.SecretsConfig;
import io.airbyte.db.settings.Parsers;
import io.airbyte.db.settings.Setting;
import io.airbyte.db.settings.Settings;
import io.airbyte.scheduler.SchedulerConfig;
import io.airbyte.scheduler.TemporalSettings;
import io.airbyte.worker.process.ProcessFactoryConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Everything the worker process reads from the environment, built once at its start. The database
 * is used only when the worker runs as its own process ({@link WorkerProcess#main});
 * {@code embeddedScheduler} is {@code null} unless {@code AIRBYTE_EMBED_SCHEDULER=true}. {@code workerId} is recorded with the
 * attempts the worker runs; {@code containerOwner} labels its connector containers.
 */
public record WorkerConfig(DatabaseConfig database, TemporalSettings temporal, ProcessFactoryConfig processes,
    SecretsConfig secrets, Path localConnectorsDir, List<String> localConnectorJavaOptions, boolean localConnectorClassData,
    String connectorTag, int maxConcurrentSyncs, Duration heartbeatTimeout, String workerId, String containerOwner,
    Duration checkReuse, boolean typedRows, SchedulerConfig embeddedScheduler) {

  public static final Setting<Path> LOCAL_CONNECTORS_DIR = Setting.of("AIRBYTE_LOCAL_CONNECTORS_DIR", "connectors",
      Path.of("connectors"), "where the built-in connectors' `<name>.jar` files are (local process factory)", Parsers.path());
  public static final Setting<List<String>> LOCAL_CONNECTOR_JAVA_OPTS = Setting.of("AIRBYTE_LOCAL_CONNECTOR_JAVA_OPTS",
      "-XX:+UseSerialGC -Xmx256m", List.of("-XX:+UseSerialGC", "-Xmx256m"), "JVM options of local connector jars",
      Parsers.words());
  public static final Setting<Boolean> LOCAL_CONNECTOR_CLASS_DATA = Setting.of("AIRBYTE_LOCAL_CONNECTOR_CLASS_DATA", "true",
      true, "`false` turns off the class-data sharing archives of local connector jars", Parsers.onlyFalseIsFalse());
  public static final Setting<String> CONNECTOR_TAG = Setting.of("AIRBYTE_CONNECTOR_TAG", "dev", "dev",
      "image tag of the built-in connectors the worker registers", Parsers.trimmed());
  public static final Setting<Integer> MAX_CONCURRENT_SYNCS = Setting.of("AIRBYTE_MAX_CONCURRENT_SYNCS", "4", 4,
      "syncs one worker runs at once", Parsers.wholeNumber());
  public static final Setting<Long> HEARTBEAT_SECONDS = Setting.of("AIRBYTE_HEARTBEAT_SECONDS", "10800", 10800L,
      "seconds a source may stay silent before the attempt fails with `heartbeat_timeout`", Parsers.longNumber());
  public static final Setting<String> WORKER_ID = Setting.derived("AIRBYTE_WORKER_ID", "<host name>-<pid>",
      "this worker's id, recorded with each attempt it runs and written into the attempt's log; unique among the workers of a"
          + " task queue (letters, digits, `. _ : @ -`, up to 100)",
      Parsers.matching(WorkerIds.PATTERN, "a worker id: letters, digits and . _ : @ - (up to 100 characters)"));
  public static final Setting<Integer> CHECK_REUSE_SECONDS = Setting.of("AIRBYTE_CHECK_REUSE_SECONDS", "300", 300,
      "seconds a passed check of a source or destination configuration (a sync's or the UI's \"Test\") spares the first"
          + " attempt of the next syncs their check of the same connector and configuration on this worker; `0` checks"
          + " before every attempt (a retry always checks)", Parsers.nonNegativeWholeNumber());
  public static final Setting<Boolean> TYPED_ROWS = Setting.of("AIRBYTE_TYPED_ROWS", "true", true,
      "`false` sends records as JSON lines even between connectors that both declare the typed-rows format (the fast"
          + " path)", Parsers.onlyFalseIsFalse());
  public static final Setting<Boolean> EMBED_SCHEDULER = Setting.of("AIRBYTE_EMBED_SCHEDULER", "false", false,
      "`true` runs the scheduler in the worker's JVM", Parsers.onlyTrueIsTrue());

  public static final List<Setting<?>> VARIABLES = Settings.concat(DatabaseConfig.VARIABLES, TemporalSettings.VARIABLES,
      ProcessFactoryConfig.VARIABLES, SecretsConfig.VARIABLES, List.of(LOCAL_CONNECTORS_DIR, LOCAL_CONNECTOR_JAVA_OPTS,
          LOCAL_CONNECTOR_CLASS_DATA, CONNECTOR_TAG, MAX_CONCURRENT_SYNCS, HEARTBEAT_SECONDS, WORKER_ID, CHECK_REUSE_SECONDS,
          TYPED_ROWS, EMBED_SCHEDULER),
      SchedulerConfig.VARIABLES);

  public static WorkerConfig fromEnvironment(Map<String, String> env) {
    return new WorkerConfig(DatabaseConfig.fromEnvironment(env), TemporalSettings.fromEnvironment(env),
        ProcessFactoryConfig.fromEnvironment(env), SecretsConfig.fromEnvironment(env), LOCAL_CONNECTORS_DIR.read(env),
        LOCAL_CONNECTOR_JAVA_OPTS.read(env), LOCAL_CONNECTOR_CLASS_DATA.read(env), CONNECTOR_TAG.read(env),
        MAX_CONCURRENT_SYNCS.read(env), Duration.ofSeconds(HEARTBEAT_SECONDS.read(env)), workerId(env),
        containerOwner(env), Duration.ofSeconds(CHECK_REUSE_SECONDS.read(env)), TYPED_ROWS.read(env),
        EMBED_SCHEDULER.read(env) ? SchedulerConfig.fromEnvironment(env) : null);
  }

  private static String workerId(Map<String, String> env) {
    String configured = WORKER_ID.read(env);
    return configured != null ? configured : WorkerIds.local();
  }

  /**
   * Whose connector containers are this worker's, to remove after a crash: the configured worker id (stable across
   * restarts), else the host name (in a container the container's, which a restart keeps), not the pid.
   */
  private static String containerOwner(Map<String, String> env) {
    String configured = WORKER_ID.read(env);
    return configured != null ? configured : WorkerIds.hostName();
  }

  /** The same configuration on another Temporal server (the standalone platform's own), the embedded scheduler's too. */
  public WorkerConfig withTemporal(TemporalSettings other) {
    return new WorkerConfig(database, other, processes, secrets, localConnectorsDir, localConnectorJavaOptions,
        localConnectorClassData, connectorTag, maxConcurrentSyncs, heartbeatTimeout, workerId, containerOwner, checkReuse,
        typedRows, embeddedScheduler == null ? null : embeddedScheduler.withTemporal(other));
  }
}
