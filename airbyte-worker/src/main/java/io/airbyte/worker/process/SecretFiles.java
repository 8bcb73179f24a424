package io.airbyte.worker.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The configuration files of one connector run, decrypted secrets inside: written {@code rw-------}
 * into its job directory and removed when the connector ends ({@link #removeWhenEnded}), however it
 * ends, or at the latest when this is closed. Their names end in {@value #SUFFIX}, the mark by which
 * {@link JobDirectories#removeLeftoverSecrets()} finds those a crashed worker left.
 */
public final class SecretFiles implements AutoCloseable {

  public static final String SUFFIX = "_config.json";
  private static final Logger LOG = LoggerFactory.getLogger(SecretFiles.class);

  private final Path dir;
  private final Consumer<SecretFiles> onClose;
  private final List<Path> files = new ArrayList<>();

  SecretFiles(Path dir, Consumer<SecretFiles> onClose) {
    this.dir = dir;
    this.onClose = onClose;
  }

  static boolean isSecretFile(String name) {
    return name.endsWith(SUFFIX);
  }

  /** Writes {@code value} as JSON to {@code name} in the job directory; the name must end in {@value #SUFFIX}. */
  public void writeJson(String name, Object value) {
    if (!isSecretFile(name)) {
      throw new IllegalArgumentException("a connector configuration's file name ends in " + SUFFIX + ": " + name);
    }
    synchronized (this) {
      files.add(dir.resolve(name)); // first: a write that fails half-way is removed as well
    }
    JobDirectories.writeJson(dir, name, value);
  }

  /** Removes the files as soon as {@code process} has ended (exited, crashed or killed). */
  public void removeWhenEnded(ConnectorProcess process) {
    // off the JDK's process-reaper thread, whose stack is small
    process.onExit().whenCompleteAsync((ended, e) -> remove());
  }

  /** Removes the files (again and from any thread: a no-op once they are gone). */
  @Override
  public void close() {
    remove();
    onClose.accept(this);
  }

  // under the lock: a close() that follows an ended process's removal returns only once the files are gone
  private synchronized void remove() {
    for (Path file : files) {
      try {
        Files.deleteIfExists(file);
      } catch (IOException e) {
        LOG.warn("Cannot remove {}, a connector configuration with secrets; the worker's next start removes it: {}", file,
            e.toString());
      }
    }
    files.clear();
  }
}
