package io.airbyte.worker.process;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Python that makes the virtual environments of Python connectors: the configured one
 * ({@code AIRBYTE_PYTHON}) or the newest found on the {@code PATH}. Airbyte's connectors need Python
 * 3.10 or newer, so each candidate is asked its version (a name on the {@code PATH} may be a shim
 * that answers nothing, as pyenv's do for versions it has not installed) and only a recent enough
 * one is taken.
 *
 * @param command the interpreter as it is run ({@code python3.11} or a path)
 * @param version its version, {@code 3.11.7}
 */
public record PythonInterpreter(String command, String version) {

  /** Searched in this order when none is configured. */
  static final List<String> CANDIDATES = List.of("python3.13", "python3.12", "python3.11", "python3.10", "python3");

  private static final int MIN_MINOR = 10;
  private static final Pattern VERSION = Pattern.compile("(\\d+)\\.(\\d+)\\.(\\d+)");
  private static final String ASK = "import sys; print('%d.%d.%d' % sys.version_info[:3])";

  /**
   * The configured interpreter ({@code configured}, may be null: search the {@code PATH}), checked to
   * be Python 3.10 or newer; otherwise an error that says what to install or set.
   */
  public static PythonInterpreter find(String configured) throws ConnectorLaunchException {
    if (configured != null) {
      String version = versionOf(configured);
      if (version == null) {
        throw new ConnectorLaunchException("AIRBYTE_PYTHON is '" + configured + "', which does not run as a Python interpreter; "
            + "set it to a Python 3.10 or newer");
      }
      if (!recentEnough(version)) {
        throw new ConnectorLaunchException("AIRBYTE_PYTHON is '" + configured + "', Python " + version
            + "; Python connectors need Python 3.10 or newer");
      }
      return new PythonInterpreter(configured, version);
    }
    List<String> tooOld = new ArrayList<>();
    for (String candidate : CANDIDATES) {
      String version = versionOf(candidate);
      if (version != null && recentEnough(version)) {
        return new PythonInterpreter(candidate, version);
      }
      if (version != null) {
        tooOld.add(candidate + " is " + version);
      }
    }
    throw new ConnectorLaunchException("Python connectors need Python 3.10 or newer with its venv module, and none was found "
        + "on the PATH (looked for " + String.join(", ", CANDIDATES) + (tooOld.isEmpty() ? "" : "; " + String.join(", ", tooOld))
        + "): install one (Debian and Ubuntu: apt-get install python3 python3-venv) or set AIRBYTE_PYTHON to its interpreter");
  }

  static boolean recentEnough(String version) {
    Matcher m = VERSION.matcher(version);
    if (!m.matches()) {
      return false;
    }
    int major = Integer.parseInt(m.group(1));
    int minor = Integer.parseInt(m.group(2));
    return major > 3 || major == 3 && minor >= MIN_MINOR;
  }

  /** What {@code command} says its version is; null when it does not run or answers otherwise. */
  private static String versionOf(String command) throws ConnectorLaunchException {
    List<String> out = new ArrayList<>();
    try {
      int exit = OutputLines.run(List.of(command, "-c", ASK), out::add);
      return exit == 0 && out.size() == 1 && VERSION.matcher(out.get(0).strip()).matches() ? out.get(0).strip() : null;
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ConnectorLaunchException("Interrupted while looking for a Python interpreter", e);
    }
  }
}
