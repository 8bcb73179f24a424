package io.airbyte.standalone;

import io.airbyte.db.DatabaseConfig;
import io.airbyte.db.settings.PlatformHome;
import io.airbyte.db.settings.Setting;
import io.airbyte.db.settings.Settings;
import io.airbyte.scheduler.TemporalSettings;
import io.airbyte.server.config.ServerConfig;
import io.airbyte.worker.process.ProcessFactoryConfig;
import io.airbyte.worker.sync.WorkerConfig;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything the standalone platform reads from the environment, built once at its start: the
 * worker's (with the scheduler in it) and the server's settings, except what the platform provides
 * itself: the metadata database (embedded under {@code AIRBYTE_HOME}), Temporal (its own test server)
 * and {@code AIRBYTE_EMBED_SCHEDULER} (always). Two defaults differ from the worker's:
 * {@link #STANDALONE_DEFAULTS}.
 */
public record StandaloneConfig(Path home, WorkerConfig worker, ServerConfig server) {

  /** Variables the standalone platform ignores: it sets them itself. */
  static final Set<String> PROVIDED = Set.of(DatabaseConfig.URL.name(), DatabaseConfig.USER.name(), DatabaseConfig.PASSWORD.name(),
      DatabaseConfig.POOL_SIZE.name(), TemporalSettings.HOST.name(), WorkerConfig.EMBED_SCHEDULER.name());

  /** Defaults of the standalone platform where they differ from the worker's, as the README writes them. */
  public static final Map<String, String> STANDALONE_DEFAULTS = Map.of(
      ProcessFactoryConfig.WORKSPACE_ROOT.name(), "$AIRBYTE_HOME/workspace",
      WorkerConfig.LOCAL_CONNECTORS_DIR.name(), "$AIRBYTE_HOME/connectors");

  public static final List<Setting<?>> VARIABLES = Settings.concat(List.of(PlatformHome.AIRBYTE_HOME),
      WorkerConfig.VARIABLES.stream().filter(s -> !PROVIDED.contains(s.name())).toList(),
      ServerConfig.VARIABLES.stream().filter(s -> !PROVIDED.contains(s.name())).toList());

  public static StandaloneConfig fromEnvironment(Map<String, String> env) {
    Path home = PlatformHome.read(env).toAbsolutePath();
    Map<String, String> values = new HashMap<>(env);
    values.keySet().removeAll(PROVIDED);
    values.put(PlatformHome.AIRBYTE_HOME.name(), home.toString());
    defaultTo(values, ProcessFactoryConfig.WORKSPACE_ROOT, home.resolve("workspace"));
    defaultTo(values, WorkerConfig.LOCAL_CONNECTORS_DIR, BuiltInJars.directory(home));
    values.put(WorkerConfig.EMBED_SCHEDULER.name(), "true");
    return new StandaloneConfig(home, WorkerConfig.fromEnvironment(values), ServerConfig.fromEnvironment(values));
  }

  /** The same configuration on the platform's own Temporal server. */
  public StandaloneConfig withTemporal(String target) {
    TemporalSettings temporal = worker.temporal().withTarget(target);
    return new StandaloneConfig(home, worker.withTemporal(temporal),
        new ServerConfig(server.home(), temporal, server.secrets(), server.adminUsername(), server.adminPassword()));
  }

  private static void defaultTo(Map<String, String> values, Setting<?> setting, Path value) {
    String set = values.get(setting.name());
    if (set == null || set.isBlank()) {
      values.put(setting.name(), value.toString());
    }
  }
}
