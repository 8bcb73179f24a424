package io.airbyte.worker.pyairbyte;

import com.fasterxml.jackson.databind.JsonNode;
import io.airbyte.protocol.json.Jsons;
import io.airbyte.testsupport.python.PythonPins;
import io.airbyte.testsupport.python.PythonVenvs;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * PyAirbyte (the {@code airbyte} package from PyPI, at its pinned version, in a virtual environment of
 * the tests' cache) running {@code pyairbyte_interop.py} from the test resources: a request file in,
 * a result file out, PyAirbyte's console output into {@code pyairbyte.log} of the work directory.
 * Offline mode: PyAirbyte asks Airbyte's connector registry nothing (the connectors are local executables).
 */
final class PyAirbyte {

  static final String PACKAGE = "airbyte";

  private final Path python;
  private final Path work;

  private PyAirbyte(Path python, Path work) {
    this.python = python;
    this.work = work;
  }

  static PyAirbyte in(Path work) throws IOException {
    return new PyAirbyte(PythonVenvs.pinned("pyairbyte-" + PythonPins.version(PACKAGE), PACKAGE), work);
  }

  /** Runs the script's {@code command} ({@code read-to-cache}, {@code write-to-destination}) on {@code request}. */
  JsonNode run(String command, JsonNode request) throws IOException, InterruptedException {
    Path script = work.resolve("pyairbyte_interop.py");
    try (InputStream in = PyAirbyte.class.getResourceAsStream("/pyairbyte/pyairbyte_interop.py")) {
      Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
    }
    Path requestFile = Files.writeString(Files.createTempFile(work, command + "-", ".json"), Jsons.serialize(request));
    Path resultFile = requestFile.resolveSibling(requestFile.getFileName() + ".result");
    Path log = work.resolve("pyairbyte.log");
    ProcessBuilder builder = new ProcessBuilder(python.toString(), script.toString(), command, requestFile.toString(),
        resultFile.toString()).directory(work.toFile()).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    Map<String, String> env = builder.environment();
    env.put("AIRBYTE_OFFLINE_MODE", "1");
    env.put("DO_NOT_TRACK", "1");
    env.put("AIRBYTE_LOGGING_ROOT", Files.createDirectories(work.resolve("pyairbyte-logs")).toString());
    env.put("AIRBYTE_TEMP_DIR", Files.createDirectories(work.resolve("pyairbyte-tmp")).toString());
    env.put("AIRBYTE_CACHE_ROOT", Files.createDirectories(work.resolve("pyairbyte-cache")).toString());
    Process process = builder.start();
    process.getOutputStream().close();
    if (!process.waitFor(5, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new IllegalStateException("PyAirbyte " + command + " did not finish in 5 minutes; see " + log);
    }
    if (process.exitValue() != 0 || !Files.exists(resultFile)) {
      List<String> lines = Files.readAllLines(log);
      throw new AssertionError("PyAirbyte " + command + " exited " + process.exitValue() + ":\n"
          + String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size())));
    }
    return Jsons.readFile(resultFile);
  }

  /**
   * A local executable for PyAirbyte that runs one of our connector jars, as a user would write it:
   * {@code java -jar <connector>.jar "$@"}.
   */
  static Path wrapper(Path dir, String connector) throws IOException {
    Path jar = Path.of(System.getProperty("connectors.dir", "../connectors"), connector, "target", connector + ".jar")
        .toAbsolutePath().normalize();
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(jar + " does not exist: build the connectors first (./mvnw -B -q -o package -DskipTests)");
    }
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Path script = dir.resolve(connector);
    Files.writeString(script, "#!/bin/sh\nexec '" + java + "' -XX:+UseSerialGC -Xmx256m -jar '" + jar + "' \"$@\"\n");
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    return script;
  }
}
