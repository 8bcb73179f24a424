package io.airbyte.connectors.destination.duckdb;

import io.airbyte.connector.kit.ConfigErrorException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The directory local files of this connector are confined to, as Airbyte confines them to its local
 * mount: {@code AIRBYTE_LOCAL_ROOT} (the platform sets it for the connectors it runs; the image sets
 * {@code /local}), by default the connector's working directory. A relative {@code destination_path}
 * is under the root; a path starting with {@code /local/} (a config copied from Airbyte) is under the
 * root too; an absolute path must already be under it; {@code ..} and symbolic links cannot leave it.
 */
record LocalRoot(Path root) {

  static final String VARIABLE = "AIRBYTE_LOCAL_ROOT";
  /** Airbyte's mount point for local files in connector containers. */
  static final String AIRBYTE_LOCAL_MOUNT = "/local";

  static LocalRoot fromEnvironment(Map<String, String> env) {
    String configured = env.get(VARIABLE);
    Path root = configured == null || configured.isBlank() ? Path.of("") : Path.of(configured.trim());
    return new LocalRoot(root.toAbsolutePath().normalize());
  }

  /** Where {@code destinationPath} is, refused with a config error naming {@code destination_path} when outside the root. */
  Path resolve(String destinationPath) {
    String path = destinationPath.trim();
    if (!root.toString().equals(AIRBYTE_LOCAL_MOUNT) && (path.equals(AIRBYTE_LOCAL_MOUNT)
        || path.startsWith(AIRBYTE_LOCAL_MOUNT + "/"))) {
      path = path.substring(AIRBYTE_LOCAL_MOUNT.length()).replaceFirst("^/+", "");
    }
    Path resolved = root.resolve(path).toAbsolutePath().normalize();
    if (!resolved.startsWith(root) || resolved.equals(root)) {
      throw outside(destinationPath, resolved);
    }
    Path real = realPathOfExistingPart(resolved);
    Path realRoot = realPathOfExistingPart(root);
    if (!real.startsWith(realRoot)) {
      throw outside(destinationPath, real);
    }
    return resolved;
  }

  private ConfigErrorException outside(String destinationPath, Path resolved) {
    return new ConfigErrorException("destination_path '" + destinationPath + "' is " + resolved + ", outside the directory"
        + " local files are confined to (" + root + ", set by " + VARIABLE + "): give a path under it, e.g. 'warehouse.duckdb'"
        + " or '" + root.resolve("warehouse.duckdb") + "'");
  }

  /** The real path of the longest existing ancestor (symbolic links followed), with the rest appended. */
  private static Path realPathOfExistingPart(Path path) {
    Path existing = path;
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    if (existing == null) {
      return path;
    }
    try {
      return existing.toRealPath().resolve(existing.relativize(path)).normalize();
    } catch (IOException e) {
      return path;
    }
  }
}
