package io.airbyte.db.settings;

import java.nio.file.Path;
import java.util.Map;

/** {@code AIRBYTE_HOME}, where the platform keeps its data (server, worker and standalone read it). */
public final class PlatformHome {

  public static final Setting<Path> AIRBYTE_HOME = Setting.derived("AIRBYTE_HOME", "~/.airbyte",
      "where the platform keeps its data: secrets key, admin password, embedded database (standalone)", Parsers.path());

  private PlatformHome() {}

  public static Path read(Map<String, String> env) {
    Path home = AIRBYTE_HOME.read(env);
    return home != null ? home : Path.of(System.getProperty("user.home"), ".airbyte");
  }
}
