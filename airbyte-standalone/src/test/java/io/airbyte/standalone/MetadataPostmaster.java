package io.airbyte.standalone;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * The metadata PostgreSQL of a platform home as its {@code $AIRBYTE_HOME/db/postmaster.pid}
 * describes it (PostgreSQL's own lock file: pid, data directory, start time, port, ...).
 */
record MetadataPostmaster(long pid, int port) {

  static Path pidFile(Path home) {
    return home.resolve("db").resolve("postmaster.pid");
  }

  /** The postmaster the home's lock file names, if there is a lock file. */
  static Optional<MetadataPostmaster> of(Path home) throws IOException {
    Path file = pidFile(home);
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    return Optional.of(new MetadataPostmaster(Long.parseLong(lines.get(0).trim()), Integer.parseInt(lines.get(3).trim())));
  }

  static MetadataPostmaster running(Path home) throws IOException {
    return of(home).orElseThrow(() -> new AssertionError("no " + pidFile(home)));
  }

  boolean alive() {
    return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
  }

  /** Any PostgreSQL process (postmaster or backend) still working on the home's data directory. */
  static List<String> processesOn(Path home) throws IOException {
    Path dir = home.resolve("db");
    String data = Files.exists(dir) ? dir.toRealPath().toString() : dir.toString();
    try (var all = Files.list(Path.of("/proc"))) {
      return all.filter(p -> p.getFileName().toString().matches("\\d+"))
          .map(p -> {
            try {
              String cmdline = new String(Files.readAllBytes(p.resolve("cmdline")), StandardCharsets.UTF_8).replace('\0', ' ');
              String cwd = Files.readSymbolicLink(p.resolve("cwd")).toString();
              return cmdline.contains("postgres") && (cmdline.contains(dir.toString()) || cwd.equals(data))
                  ? p.getFileName() + ": " + cmdline : null;
            } catch (IOException | SecurityException gone) {
              return null;
            }
          })
          .filter(java.util.Objects::nonNull)
          .toList();
    }
  }

  /** A connection to its {@code postgres} database as the superuser (trusted from 127.0.0.1). */
  Connection connect() throws SQLException {
    return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres", "postgres", "");
  }

  String show(String setting) throws SQLException {
    try (Connection c = connect(); var rs = c.createStatement().executeQuery("SHOW " + setting)) {
      rs.next();
      return rs.getString(1);
    }
  }
}
