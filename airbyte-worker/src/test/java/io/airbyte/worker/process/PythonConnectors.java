package io.airbyte.worker.process;

import io.airbyte.contract.connector.ConnectorRuntime.PythonPackage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Properties;

/**
 * The Python packages of the tests, at the versions pinned in {@code python-connectors.properties},
 * and where their virtual environments are kept between runs ({@code ~/.cache/airbyte-test-python},
 * outside the source tree), so that PyPI is asked once per machine, not once per test class.
 */
public final class PythonConnectors {

  /** Shared by the test classes and runs; {@link PythonEnvironments} makes each environment once, under its lock. */
  public static final Path CACHE = Path.of(System.getProperty("user.home"), ".cache", "airbyte-test-python");

  private static final Properties PINNED = load();

  private PythonConnectors() {}

  /** {@code name} at its pinned version. */
  public static PythonPackage pinned(String name) {
    String version = PINNED.getProperty(name);
    if (version == null) {
      throw new IllegalArgumentException(name + " is not pinned in python-connectors.properties");
    }
    return new PythonPackage(name, version.strip());
  }

  /** The environments in the shared cache, with the Python found on the {@code PATH} (or {@code AIRBYTE_PYTHON}). */
  public static PythonEnvironments cached() {
    return new PythonEnvironments(CACHE, PythonConfig.PYTHON.read(System.getenv()));
  }

  private static Properties load() {
    Properties properties = new Properties();
    try (InputStream in = PythonConnectors.class.getResourceAsStream("/python-connectors.properties")) {
      properties.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return properties;
  }
}
