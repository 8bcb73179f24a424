package io.airbyte.standalone;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The connector processes a platform home runs, found in {@code /proc}: their command line names the
 * home (the connector jars and class-data archives live there) and one of the connector jars asked for.
 */
final class ConnectorProcesses {

  private ConnectorProcesses() {}

  /** The ids of the processes whose command line names {@code home} and one of {@code jars} (e.g. {@code source-postgres.jar}). */
  static List<String> of(Path home, String... jars) {
    try (var all = Files.list(Path.of("/proc"))) {
      return all.filter(p -> p.getFileName().toString().matches("\\d+")).map(p -> {
        try {
          String cmdline = new String(Files.readAllBytes(p.resolve("cmdline"))).replace('\0', ' ');
          return cmdline.contains(home.toString()) && Arrays.stream(jars).anyMatch(cmdline::contains)
              ? p.getFileName().toString() : null;
        } catch (IOException gone) {
          return null;
        }
      }).filter(Objects::nonNull).toList();
    } catch (IOException e) {
      return List.of();
    }
  }

  /** The process exists and is not a zombie (state Z in /proc/PID/stat). */
  static boolean alive(String pid) {
    try {
      String stat = Files.readString(Path.of("/proc", pid, "stat"));
      return stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
    } catch (IOException gone) {
      return false;
    }
  }
}
