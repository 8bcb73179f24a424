package io.airbyte.worker.process;

import io.airbyte.contract.connector.ConnectorRuntime.PythonPackage;
import java.io.IOException;
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
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The virtual environments of Python connectors, one per package and version under {@code root}
 * ({@code <root>/airbyte-source-faker-7.2.1}): made on the first use ({@code python -m venv}, then
 * {@code pip install <package>==<version>}) and reused after. A virtual environment cannot be moved
 * (its scripts name its interpreter by absolute path), so it is made in place under a lock, in-JVM and
 * on a file ({@code <name>-<version>.lock}, for other workers on the same directory); a marker file,
 * written last and atomically, says it is complete, so an install cut short is removed and made again.
 * The marker holds the connector's console script, found among the installed distribution's entry
 * points.
 */
public final class PythonEnvironments {

  static final String MARKER = ".airbyte-connector-script";

  /** Prints the console scripts of the distribution named by argv[1], one a line. */
  private static final String SCRIPTS = "import sys, importlib.metadata as m\n"
      + "for e in m.distribution(sys.argv[1]).entry_points:\n"
      + "    if e.group == 'console_scripts': print(e.name)";

  private final Path root;
  private final String configuredPython;
  private final ConcurrentMap<Path, Object> locks = new ConcurrentHashMap<>();
  private PythonInterpreter python;

  /** {@code configuredPython}: {@code AIRBYTE_PYTHON}, or null to search the {@code PATH} (on the first install). */
  public PythonEnvironments(Path root, String configuredPython) {
    this.root = root.toAbsolutePath();
    this.configuredPython = configuredPython;
  }

  public static PythonEnvironments of(PythonConfig config) {
    return new PythonEnvironments(config.environmentsDir(), config.python());
  }

  /** Where the environment of {@code connector} is. */
  public Path directory(PythonPackage connector) {
    return root.resolve(connector.normalizedName() + "-" + connector.version());
  }

  /**
   * The command that runs {@code connector}'s console script, installing it first when this is its
   * first use; each line of the install (pip's) goes to {@code progress}.
   */
  public List<String> commandFor(PythonPackage connector, Consumer<String> progress) throws ConnectorLaunchException {
    return commandFor(connector, null, progress);
  }

  /**
   * The command that runs the console script {@code script} of {@code connector} (a package with
   * several, such as {@code airbyte-cdk}'s {@code source-declarative-manifest}), installing it first
   * when this is its first use; null: the connector's own script ({@link #chooseScript}).
   */
  public List<String> commandFor(PythonPackage connector, String script, Consumer<String> progress)
      throws ConnectorLaunchException {
    Path dir = install(connector, script, progress);
    String chosen = script != null ? script : installedScript(dir);
    Path command = dir.resolve("bin").resolve(chosen);
    if (!Files.isExecutable(command)) {
      throw new ConnectorLaunchException("The Python package " + connector.describe() + " has no console script " + chosen
          + " in " + dir.resolve("bin"));
    }
    return List.of(command.toString());
  }

  /** The interpreter of {@code connector}'s environment (for {@code python -m …}), installing it first when needed. */
  public Path pythonOf(PythonPackage connector, String script, Consumer<String> progress) throws ConnectorLaunchException {
    return install(connector, script, progress).resolve("bin").resolve("python");
  }

  private Path install(PythonPackage connector, String script, Consumer<String> progress) throws ConnectorLaunchException {
    Path dir = directory(connector);
    if (installedScript(dir) == null) {
      synchronized (locks.computeIfAbsent(dir, d -> new Object())) {
        installUnderLock(connector, script, dir, progress);
      }
    }
    return dir;
  }

  private String installUnderLock(PythonPackage connector, String wanted, Path dir, Consumer<String> progress)
      throws ConnectorLaunchException {
    try {
      Files.createDirectories(root);
      Path lockFile = root.resolve(dir.getFileName() + ".lock");
      try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
          FileLock lock = lock(channel, connector, lockFile, progress)) {
        String script = installedScript(dir);
        if (script != null) {
          progress.accept(connector.describe() + " is installed in " + dir);
          return script;
        }
        return install(connector, wanted, dir, progress);
      }
    } catch (IOException e) {
      throw new ConnectorLaunchException("Cannot install " + connector.describe() + " into " + dir + ": " + e.getMessage(), e);
    }
  }

  /** The file's lock, saying so when another worker holds it (it is installing the same package). */
  private static FileLock lock(FileChannel channel, PythonPackage connector, Path lockFile, Consumer<String> progress)
      throws IOException {
    FileLock lock = channel.tryLock();
    if (lock != null) {
      return lock;
    }
    progress.accept("Waiting for another worker's install of " + connector.describe() + " to end (it holds " + lockFile + ")");
    return channel.lock();
  }

  private String install(PythonPackage connector, String wanted, Path dir, Consumer<String> progress)
      throws IOException, ConnectorLaunchException {
    if (Files.exists(dir)) {
      progress.accept("Removing the unfinished environment " + dir + " of an earlier install");
      deleteTree(dir);
    }
    PythonInterpreter interpreter = interpreter();
    progress.accept("Installing " + connector.describe() + " into a virtual environment of its own, " + dir + ", with "
        + interpreter.command() + " (Python " + interpreter.version() + ")");
    List<String> venvOutput = new ArrayList<>();
    if (run(List.of(interpreter.command(), "-m", "venv", dir.toString()), line -> record(venvOutput, line, progress)) != 0) {
      throw new ConnectorLaunchException("Cannot make a virtual environment for " + connector.describe() + " with "
          + interpreter.command() + ": " + lastErrorLine(venvOutput)
          + " (it needs Python's venv module: on Debian and Ubuntu, apt-get install python3-venv)");
    }
    Path bin = dir.resolve("bin");
    List<String> pipOutput = new ArrayList<>();
    int exit = run(List.of(bin.resolve("python").toString(), "-m", "pip", "install", "--disable-pip-version-check",
        "--no-input", connector.requirement()), line -> record(pipOutput, line, progress));
    if (exit != 0) {
      throw new ConnectorLaunchException("Cannot install the Python package " + connector.describe() + ": "
          + lastErrorLine(pipOutput));
    }
    List<String> scripts = new ArrayList<>();
    if (run(List.of(bin.resolve("python").toString(), "-c", SCRIPTS, connector.packageName()), scripts::add) != 0) {
      throw new ConnectorLaunchException("Cannot read the entry points of " + connector.describe() + ": "
          + lastErrorLine(scripts));
    }
    List<String> found = scripts.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
    String script = wanted == null ? chooseScript(connector, found) : requireScript(connector, wanted, found);
    if (!Files.isExecutable(bin.resolve(script))) {
      throw new ConnectorLaunchException("The console script " + script + " of " + connector.describe() + " is not in " + bin);
    }
    Path marker = dir.resolve(MARKER + ".tmp");
    Files.writeString(marker, script, StandardCharsets.UTF_8);
    Files.move(marker, dir.resolve(MARKER), StandardCopyOption.ATOMIC_MOVE);
    progress.accept("Installed " + connector.describe() + "; it runs as " + script);
    return script;
  }

  /**
   * The connector's console script: the one named as Airbyte names its connectors' scripts
   * ({@link PythonPackage#expectedScript}), else the package's only one.
   */
  static String chooseScript(PythonPackage connector, List<String> scripts) throws ConnectorLaunchException {
    if (scripts.contains(connector.expectedScript())) {
      return connector.expectedScript();
    }
    if (scripts.size() == 1) {
      return scripts.get(0);
    }
    throw new ConnectorLaunchException("The Python package " + connector.describe() + " has no console script "
        + connector.expectedScript() + (scripts.isEmpty() ? " (it has none)" : " (it has " + String.join(", ", scripts) + ")"));
  }

  static String requireScript(PythonPackage connector, String wanted, List<String> scripts) throws ConnectorLaunchException {
    if (scripts.contains(wanted)) {
      return wanted;
    }
    throw new ConnectorLaunchException("The Python package " + connector.describe() + " has no console script " + wanted
        + (scripts.isEmpty() ? " (it has none)" : " (it has " + String.join(", ", scripts) + ")"));
  }

  /** pip's last {@code ERROR:} line, else the last line written. */
  static String lastErrorLine(List<String> output) {
    String last = "no output";
    for (String line : output) {
      if (line.startsWith("ERROR:")) {
        last = line.strip();
      }
    }
    if (!last.equals("no output")) {
      return last;
    }
    for (int i = output.size() - 1; i >= 0; i--) {
      if (!output.get(i).isBlank()) {
        return output.get(i).strip();
      }
    }
    return last;
  }

  private synchronized PythonInterpreter interpreter() throws ConnectorLaunchException {
    if (python == null) {
      python = PythonInterpreter.find(configuredPython);
    }
    return python;
  }

  private static String installedScript(Path dir) throws ConnectorLaunchException {
    Path marker = dir.resolve(MARKER);
    if (!Files.isRegularFile(marker)) {
      return null;
    }
    try {
      return Files.readString(marker, StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      throw new ConnectorLaunchException("Cannot read " + marker + ": " + e.getMessage(), e);
    }
  }

  private static void record(List<String> output, String line, Consumer<String> progress) {
    output.add(line);
    progress.accept(line);
  }

  private static int run(List<String> command, Consumer<String> lines) throws IOException, ConnectorLaunchException {
    try {
      return OutputLines.run(command, lines);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ConnectorLaunchException("Interrupted while installing: " + String.join(" ", command), e);
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
