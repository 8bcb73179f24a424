package io.airbyte.standalone;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/** The built-in connectors travel inside the platform's jar; they are unpacked to {@code AIRBYTE_HOME/connectors}. */
final class BuiltInJars {

  static final List<String> NAMES = List.of("source-postgres", "source-faker", "destination-postgres", "destination-duckdb",
      "destination-snowflake");

  private BuiltInJars() {}

  /** Unpacks the jars whose size differs from what is there; returns the directory. */
  /** Where {@link #unpack} puts the jars. */
  static Path directory(Path home) {
    return home.resolve("connectors");
  }

  static Path unpack(Path home) {
    Path dir = directory(home);
    try {
      Files.createDirectories(dir);
      for (String name : NAMES) {
        try (InputStream in = BuiltInJars.class.getResourceAsStream("/connectors/" + name + ".jar")) {
          if (in == null) {
            continue;
          }
          Path target = dir.resolve(name + ".jar");
          Path tmp = dir.resolve(name + ".jar.tmp");
          Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
          if (Files.exists(target) && Files.size(target) == Files.size(tmp) && Files.mismatch(target, tmp) == -1) {
            Files.delete(tmp);
          } else {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
          }
        }
      }
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot unpack the built-in connectors into " + dir, e);
    }
  }
}
