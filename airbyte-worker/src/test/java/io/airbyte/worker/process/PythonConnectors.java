package io.airbyte.worker.process;

import io.airbyte.contract.connector.ConnectorRuntime.PythonPackage;
import io.airbyte.testsupport.python.PythonPins;
import java.nio.file.Path;

/**
 * The Python packages of the tests, at the versions pinned in {@code python-pins.properties}, and
 * their virtual environments in the tests' shared cache ({@link PythonPins#CACHE}), so that PyPI is
 * asked once per machine, not once per test class.
 */
public final class PythonConnectors {

  /** Shared by the test classes and runs; {@link PythonEnvironments} makes each environment once, under its lock. */
  public static final Path CACHE = PythonPins.CACHE;

  private PythonConnectors() {}

  /** {@code name} at its pinned version. */
  public static PythonPackage pinned(String name) {
    return new PythonPackage(name, PythonPins.version(name));
  }

  /** The environments in the shared cache, with the Python found on the {@code PATH} (or {@code AIRBYTE_PYTHON}). */
  public static PythonEnvironments cached() {
    return new PythonEnvironments(CACHE, PythonConfig.PYTHON.read(System.getenv()));
  }
}
