package io.airbyte.testsupport.python;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Virtual environments of Python tools the tests drive (PyAirbyte, Airbyte's protocol models), each
 * with several packages at their pinned versions, in {@link PythonPins#CACHE}: made once per machine
 * under a file lock (so several test JVMs share one install), complete when its marker file, written
 * last and atomically, names the same requirements; an install cut short is removed and made again.
 * A connector's environment is the worker's business ({@code PythonEnvironments}); this is for tools.
 */
public final class PythonVenvs {

  static final String MARKER = ".airbyte-test-requirements";

  private static final ConcurrentMap<Path, Object> LOCKS = new ConcurrentHashMap<>();

  private PythonVenvs() {}

  /**
   * The environment {@code <CACHE>/<name>} with {@code packages} installed at their pinned versions;
   * returns its {@code bin/python}.
   */
  public static Path pinned(String name, String... packages) throws IOException {
    List<String> requirements = new ArrayList<>();
    for (String p : packages) {
      requirements.add(p + "==" + PythonPins.version(p));
    }
    return ensure(PythonPins.CACHE, name, requirements);
  }

  static Path ensure(Path root, String name, List<String> requirements) throws IOException {
    Path dir = root.resolve(name);
    Path python = dir.resolve("bin").resolve("python");
    String wanted = String.join("\n", requirements);
    if (wanted.equals(marker(dir))) {
      return python;
    }
    Files.createDirectories(root);
    synchronized (LOCKS.computeIfAbsent(dir.toAbsolutePath(), d -> new Object())) { // a file lock is per JVM, not per thread
      return installUnderFileLock(root, name, requirements, dir, python, wanted);
    }
  }

  private static Path installUnderFileLock(Path root, String name, List<String> requirements, Path dir, Path python,
      String wanted) throws IOException {
    try (FileChannel channel = FileChannel.open(root.resolve(name + ".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock = channel.lock()) {
      if (wanted.equals(marker(dir))) {
        return python;
      }
      if (Files.exists(dir)) {
        deleteTree(dir);
      }
      run(List.of(interpreter(), "-m", "venv", dir.toString()));
      List<String> pip = new ArrayList<>(List.of(python.toString(), "-m", "pip", "install", "--disable-pip-version-check",
          "--no-input"));
      pip.addAll(requirements);
      run(pip);
      Path tmp = dir.resolve(MARKER + ".tmp");
      Files.writeString(tmp, wanted, StandardCharsets.UTF_8);
      Files.move(tmp, dir.resolve(MARKER), StandardCopyOption.ATOMIC_MOVE);
      return python;
    }
  }

  private static String interpreter() {
    String configured = System.getenv("AIRBYTE_PYTHON");
    return configured == null || configured.isBlank() ? "python3" : configured;
  }

  private static String marker(Path dir) throws IOException {
    Path marker = dir.resolve(MARKER);
    return Files.isRegularFile(marker) ? Files.readString(marker, StandardCharsets.UTF_8) : null;
  }

  private static void run(List<String> command) throws IOException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    process.getOutputStream().close();
    List<String> output = new ArrayList<>();
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        output.add(line);
      }
    }
    try {
      if (!process.waitFor(15, TimeUnit.MINUTES) || process.exitValue() != 0) {
        process.destroyForcibly();
        throw new IOException(String.join(" ", command) + " failed: "
            + String.join("\n", output.subList(Math.max(0, output.size() - 15), output.size())));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
      throw new IOException("Interrupted: " + String.join(" ", command), e);
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
