package io.airbyte.worker.process;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Which process factory the worker uses, and its settings, from environment variables:
 * <ul>
 *   <li>{@code AIRBYTE_PROCESS_FACTORY}: {@code docker} or {@code local} (default {@code local})</li>
 *   <li>{@code AIRBYTE_WORKSPACE_ROOT}: where job directories and logs go (default {@code ./workspace})</li>
 *   <li>{@code AIRBYTE_WORKSPACE_VOLUME}: the Docker volume or host path holding the workspace, when the worker itself runs in a container</li>
 *   <li>{@code AIRBYTE_DOCKER_NETWORK}, {@code AIRBYTE_CONNECTOR_MEMORY_LIMIT} ({@code 2g}), {@code AIRBYTE_CONNECTOR_CPU_LIMIT} ({@code 1.5})</li>
 *   <li>{@code DOCKER_HOST}: the daemon (default {@code unix:///var/run/docker.sock})</li>
 *   <li>{@code AIRBYTE_CONNECTOR_ENV_*}: variables given to every connector, prefix removed (e.g. {@code AIRBYTE_CONNECTOR_ENV_JAVA_OPTS})</li>
 * </ul>
 */
public record ProcessFactoryConfig(String kind, Path workspaceRoot, DockerSettings docker, String dockerHost,
    Map<String, String> connectorEnvironment) {

  public static final String ENV_PREFIX = "AIRBYTE_CONNECTOR_ENV_";

  public static ProcessFactoryConfig fromEnvironment(Map<String, String> env) {
    String kind = env.getOrDefault("AIRBYTE_PROCESS_FACTORY", "local").trim().toLowerCase(Locale.ROOT);
    if (!kind.equals("docker") && !kind.equals("local")) {
      throw new IllegalArgumentException("AIRBYTE_PROCESS_FACTORY must be 'docker' or 'local', not '" + kind + "'");
    }
    Path root = Path.of(env.getOrDefault("AIRBYTE_WORKSPACE_ROOT", "workspace")).toAbsolutePath();
    String memory = blankToNull(env.get("AIRBYTE_CONNECTOR_MEMORY_LIMIT"));
    if (memory != null && !memory.matches("(?i)\\d+[bkmg]?")) {
      throw new IllegalArgumentException("AIRBYTE_CONNECTOR_MEMORY_LIMIT must be a size such as 512m or 2g, not '" + memory + "'");
    }
    String cpu = blankToNull(env.get("AIRBYTE_CONNECTOR_CPU_LIMIT"));
    if (cpu != null && !cpu.matches("\\d+(\\.\\d+)?")) {
      throw new IllegalArgumentException("AIRBYTE_CONNECTOR_CPU_LIMIT must be a number of CPUs such as 1.5, not '" + cpu + "'");
    }
    Map<String, String> connectorEnv = new LinkedHashMap<>();
    env.forEach((k, v) -> {
      if (k.startsWith(ENV_PREFIX) && k.length() > ENV_PREFIX.length()) {
        connectorEnv.put(k.substring(ENV_PREFIX.length()), v);
      }
    });
    DockerSettings docker = new DockerSettings(blankToNull(env.get("AIRBYTE_DOCKER_NETWORK")), memory, cpu, root,
        blankToNull(env.get("AIRBYTE_WORKSPACE_VOLUME")), connectorEnv);
    return new ProcessFactoryConfig(kind, root, docker, blankToNull(env.get("DOCKER_HOST")), Map.copyOf(connectorEnv));
  }

  public ProcessFactory create() {
    return kind.equals("docker")
        ? new DockerProcessFactory(DockerClients.create(dockerHost), docker)
        : new LocalProcessFactory(connectorEnvironment);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
