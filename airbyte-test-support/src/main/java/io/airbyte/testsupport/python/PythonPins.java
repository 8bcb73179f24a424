package io.airbyte.testsupport.python;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Properties;

/**
 * The versions of the Python packages the tests install, as pinned in {@code python-pins.properties}
 * (the one place they are written; {@code .ci/run} reads the same file), and where the tests keep
 * their virtual environments between test classes and runs: {@code ~/.cache/airbyte-test-python},
 * outside the source tree.
 */
public final class PythonPins {

  /** Shared by the test classes and runs; each environment is made once, under its lock. */
  public static final Path CACHE = Path.of(System.getProperty("user.home"), ".cache", "airbyte-test-python");

  private static final Properties PINNED = load();

  private PythonPins() {}

  /** The pinned version of {@code name}; a package that is not pinned is a mistake of the test. */
  public static String version(String name) {
    String version = PINNED.getProperty(name);
    if (version == null || version.isBlank()) {
      throw new IllegalArgumentException(name + " is not pinned in python-pins.properties");
    }
    return version.strip();
  }

  private static Properties load() {
    Properties properties = new Properties();
    try (InputStream in = PythonPins.class.getResourceAsStream("/python-pins.properties")) {
      if (in == null) {
        throw new IllegalStateException("python-pins.properties is not on the class path");
      }
      properties.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return properties;
  }
}
