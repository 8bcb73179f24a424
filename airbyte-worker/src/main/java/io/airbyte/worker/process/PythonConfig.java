package io.airbyte.worker.process;

import io.airbyte.db.settings.Parsers;
import io.airbyte.db.settings.PlatformHome;
import io.airbyte.db.settings.Setting;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Where the local process factory keeps the virtual environments of Python connectors, and the
 * Python that makes them ({@code python} null: found on the {@code PATH} at the first install).
 */
public record PythonConfig(String python, Path environmentsDir) {

  public static final Setting<String> PYTHON = Setting.optional("AIRBYTE_PYTHON",
      "the Python interpreter (3.10 or newer) that makes the virtual environments of Python connectors (unset: the first of "
          + "`python3.13` … `python3.10`, `python3` on the `PATH` that is 3.10 or newer)", Parsers.trimmed());
  public static final Setting<Path> ENVIRONMENTS_DIR = Setting.derived("AIRBYTE_PYTHON_ENVIRONMENTS_DIR", "$AIRBYTE_HOME/python",
      "where each Python connector gets its virtual environment, one per package and version (local process factory)",
      Parsers.path());

  public static final List<Setting<?>> VARIABLES = List.of(PYTHON, ENVIRONMENTS_DIR, PlatformHome.AIRBYTE_HOME);

  public static PythonConfig fromEnvironment(Map<String, String> env) {
    Path dir = ENVIRONMENTS_DIR.read(env);
    return new PythonConfig(PYTHON.read(env), dir != null ? dir : PlatformHome.read(env).resolve("python"));
  }
}
