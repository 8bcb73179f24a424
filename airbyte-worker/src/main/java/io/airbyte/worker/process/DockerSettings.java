package io.airbyte.worker.process;

import java.nio.file.Path;
import java.util.Map;

/**
 * How the worker runs connector containers.
 *
 * @param network Docker network the containers join (null: Docker's default bridge); it must reach
 *     the user's databases
 * @param memoryLimit per container, in Docker's syntax ({@code 2g}); null for none
 * @param cpuLimit per container, in CPUs ({@code 1.5}); null for none
 * @param workspaceRoot the worker's workspace, where job directories are made
 * @param workspaceVolume when the worker itself runs in a container, the Docker volume (or host
 *     path) holding {@code workspaceRoot}; null when job directories are host paths
 * @param environment variables given to every container
 */
public record DockerSettings(
    String network,
    String memoryLimit,
    String cpuLimit,
    Path workspaceRoot,
    String workspaceVolume,
    Map<String, String> environment) {

  public DockerSettings {
    environment = environment == null ? Map.of() : Map.copyOf(environment);
  }

  public static DockerSettings defaults(Path workspaceRoot) {
    return new DockerSettings(null, null, null, workspaceRoot, null, Map.of());
  }
}
