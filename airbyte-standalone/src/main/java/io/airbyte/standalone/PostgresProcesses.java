package io.airbyte.standalone;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What {@code /proc} says about the PostgreSQL processes of a data directory: the postmaster its
 * {@code postmaster.pid} names (line 1), whether that process really is a {@code postgres} working
 * on that directory, and what its startup process is doing.
 */
final class PostgresProcesses {

  private PostgresProcesses() {}

  static Path pidFile(Path dataDirectory) {
    return dataDirectory.resolve("postmaster.pid");
  }

  /** The pid on the first line of {@code postmaster.pid}; empty without a file or with no number there. */
  static Optional<Long> recordedPid(Path dataDirectory) throws IOException {
    Path file = pidFile(dataDirectory);
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    if (lines.isEmpty() || !lines.get(0).trim().matches("\\d{1,10}")) {
      return Optional.empty();
    }
    return Optional.of(Long.parseLong(lines.get(0).trim()));
  }

  /** The process exists and is not a zombie. */
  static boolean alive(long pid) {
    Path stat = Path.of("/proc", Long.toString(pid), "stat");
    try {
      String text = Files.readString(stat);
      // pid (comm) state ...: comm may hold spaces and parentheses, the state follows the last ')'
      char state = text.substring(text.lastIndexOf(')') + 2).charAt(0);
      return state != 'Z' && state != 'X';
    } catch (IOException | RuntimeException gone) {
      return false;
    }
  }

  /**
   * The process is a {@code postgres} server on {@code dataDirectory}: it works in that directory
   * (PostgreSQL changes into its data directory), or its program is named {@code postgres} and its
   * {@code -D} argument is that directory. When in doubt (unreadable), it is taken for one: the
   * caller would otherwise remove the lock file of a live server.
   */
  static boolean isPostgresOn(long pid, Path dataDirectory) {
    Path proc = Path.of("/proc", Long.toString(pid));
    try {
      Path data = dataDirectory.toRealPath();
      if (Files.readSymbolicLink(proc.resolve("cwd")).equals(data)) {
        return true;
      }
      List<String> argv = arguments(pid);
      if (argv.isEmpty() || !Path.of(argv.get(0)).getFileName().toString().equals("postgres")) {
        return false;
      }
      int d = argv.indexOf("-D");
      if (d < 0 || d + 1 >= argv.size()) {
        return false;
      }
      Path given = Path.of(argv.get(d + 1));
      return Files.exists(given) && given.toRealPath().equals(data);
    } catch (IOException | SecurityException | IllegalArgumentException unreadable) {
      return alive(pid);
    }
  }

  /** What the postmaster's startup process shows while it replays the write-ahead log, e.g. {@code recovering 000000010000000000000002}. */
  static Optional<String> startupTitle(long postmasterPid) {
    try (var all = Files.list(Path.of("/proc"))) {
      for (Path proc : (Iterable<Path>) all::iterator) {
        String name = proc.getFileName().toString();
        if (!name.matches("\\d+") || parent(proc) != postmasterPid) {
          continue;
        }
        String title = String.join(" ", arguments(Long.parseLong(name))).trim();
        if (title.startsWith("postgres: startup")) {
          return Optional.of(title.substring("postgres: startup".length()).trim());
        }
      }
    } catch (IOException | RuntimeException unreadable) {
      return Optional.empty();
    }
    return Optional.empty();
  }

  private static long parent(Path proc) {
    try {
      String text = Files.readString(proc.resolve("stat"));
      String[] fields = text.substring(text.lastIndexOf(')') + 2).split(" ");
      return Long.parseLong(fields[1]);
    } catch (IOException | RuntimeException gone) {
      return -1;
    }
  }

  private static List<String> arguments(long pid) throws IOException {
    byte[] raw = Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline"));
    List<String> argv = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < raw.length; i++) {
      if (raw[i] == 0) {
        argv.add(new String(raw, start, i - start, StandardCharsets.UTF_8));
        start = i + 1;
      }
    }
    if (start < raw.length) {
      argv.add(new String(raw, start, raw.length - start, StandardCharsets.UTF_8));
    }
    return argv;
  }
}
