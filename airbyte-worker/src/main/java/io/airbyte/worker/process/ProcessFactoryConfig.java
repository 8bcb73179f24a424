package io.airbyte.worker.process;

import io.airbyte.db.settings.Parsers;
import io.airbyte.db.settings.PlatformHome;
import io.airbyte.db.settings.Setting;
import io.airbyte.db.settings.Settings;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Which process factory the worker uses, and its settings (the variables below). */
public record ProcessFactoryConfig(String kind, Path workspaceRoot, DockerSettings docker, String dockerHost,
    Map<String, String> connectorEnvironment, PythonConfig python) {

  public static final String ENV_PREFIX = "AIRBYTE_CONNECTOR_ENV_";
  /** The connectors' variable naming the directory local files are confined to (see {@link #localConnectorEnvironment}). */
  static final String LOCAL_ROOT = "AIRBYTE_LOCAL_ROOT";

  public static final Setting<String> PROCESS_FACTORY = Setting.of("AIRBYTE_PROCESS_FACTORY", "local", "local",
      "how connectors run: `local` (child processes) or `docker` (containers)", Parsers.oneOf("docker", "local"));
  public static final Setting<Path> WORKSPACE_ROOT = Setting.of("AIRBYTE_WORKSPACE_ROOT", "workspace", Path.of("workspace"),
      "where job directories and attempt logs go", Parsers.path());
  public static final Setting<String> WORKSPACE_VOLUME = Setting.optional("AIRBYTE_WORKSPACE_VOLUME",
      "the Docker volume or host path holding the workspace, when the worker itself runs in a container", Parsers.trimmed());
  public static final Setting<String> DOCKER_NETWORK = Setting.optional("AIRBYTE_DOCKER_NETWORK",
      "the Docker network connector containers join", Parsers.trimmed());
  public static final Setting<String> MEMORY_LIMIT = Setting.optional("AIRBYTE_CONNECTOR_MEMORY_LIMIT",
      "memory limit of each connector container (`2g`-style)", Parsers.matching("(?i)\\d+[bkmg]?", "a size such as 512m or 2g"));
  public static final Setting<String> CPU_LIMIT = Setting.optional("AIRBYTE_CONNECTOR_CPU_LIMIT",
      "CPU limit of each connector container (`1.5`-style)", Parsers.matching("\\d+(\\.\\d+)?", "a number of CPUs such as 1.5"));
  public static final Setting<String> DOCKER_HOST = Setting.derived("DOCKER_HOST", "unix:///var/run/docker.sock",
      "the Docker daemon the docker process factory talks to", Parsers.trimmed());
  public static final Setting<Map<String, String>> CONNECTOR_ENV = Setting.prefix(ENV_PREFIX,
      "a variable given to every connector, prefix removed (e.g. `AIRBYTE_CONNECTOR_ENV_JAVA_OPTS`)");

  public static final List<Setting<?>> VARIABLES = Settings.concat(List.of(PROCESS_FACTORY, WORKSPACE_ROOT, WORKSPACE_VOLUME,
      DOCKER_NETWORK, MEMORY_LIMIT, CPU_LIMIT, DOCKER_HOST, CONNECTOR_ENV), PythonConfig.VARIABLES);

  public static ProcessFactoryConfig fromEnvironment(Map<String, String> env) {
    Path root = WORKSPACE_ROOT.read(env).toAbsolutePath();
    Map<String, String> connectorEnv = CONNECTOR_ENV.read(env);
    DockerSettings docker = new DockerSettings(DOCKER_NETWORK.read(env), MEMORY_LIMIT.read(env), CPU_LIMIT.read(env), root,
        WORKSPACE_VOLUME.read(env), connectorEnv);
    return new ProcessFactoryConfig(PROCESS_FACTORY.read(env), root, docker, DOCKER_HOST.read(env),
        localConnectorEnvironment(env, connectorEnv), PythonConfig.fromEnvironment(env));
  }

  /**
   * The variables of connectors run as local processes: the configured ones, plus {@code
   * AIRBYTE_LOCAL_ROOT} (the directory destination-duckdb confines its files to, as Airbyte confines
   * them to its local mount) set to {@code AIRBYTE_HOME} unless {@code AIRBYTE_CONNECTOR_ENV_AIRBYTE_LOCAL_ROOT}
   * says otherwise. Containers keep their image's {@code /local}.
   */
  static Map<String, String> localConnectorEnvironment(Map<String, String> env, Map<String, String> connectorEnv) {
    Map<String, String> local = new java.util.HashMap<>(connectorEnv);
    local.putIfAbsent(LOCAL_ROOT, PlatformHome.read(env).toAbsolutePath().toString());
    return Map.copyOf(local);
  }

  /**
   * The configured factory. Built-in connectors run as {@code jars} give them (local processes) or as
   * our images of them at {@code builtInTag} (containers); Python packages run in their virtual
   * environments (local processes only).
   */
  public ProcessFactory create(JarCommands jars, String builtInTag) {
    return create(jars, builtInTag, null);
  }

  /** The configured factory of the worker {@code owner}, whose containers carry it ({@link DockerProcessFactory}). */
  public ProcessFactory create(JarCommands jars, String builtInTag, String owner) {
    return kind.equals("docker")
        ? new DockerProcessFactory(DockerClients.create(dockerHost), docker, builtInTag, owner)
        : new LocalProcessFactory(jars, PythonEnvironments.of(python), connectorEnvironment);
  }
}
