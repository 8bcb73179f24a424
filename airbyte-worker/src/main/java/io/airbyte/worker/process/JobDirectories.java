package io.airbyte.worker.process;

import io.airbyte.protocol.json.Jsons;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The worker's workspace: one directory per attempt ({@code <root>/<jobId>/<attempt>}) holding the
 * files its connectors read ({@code source_config.json}, {@code source_catalog.json},
 * {@code input_state.json}, {@code destination_config.json}, {@code destination_catalog.json}) and
 * the attempt's log. Job and attempt directories are {@code rwx------} and the files written here
 * {@code rw-------}, both from their creation. Connector configurations hold decrypted secrets: they
 * are written through {@link SecretFiles}, exist only while their connector runs, and what a crashed
 * worker left is removed at the next start ({@link #removeLeftoverSecrets()}); logs and catalogs stay.
 */
public final class JobDirectories {

  private static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY = PosixFilePermissions.fromString("rwx------");
  private static final FileAttribute<Set<PosixFilePermission>> DIRECTORY_MODE = PosixFilePermissions.asFileAttribute(
      OWNER_ONLY_DIRECTORY);
  private static final FileAttribute<Set<PosixFilePermission>> FILE_MODE = PosixFilePermissions.asFileAttribute(
      PosixFilePermissions.fromString("rw-------"));
  private static final Logger LOG = LoggerFactory.getLogger(JobDirectories.class);

  /** In an attempt's directory: which worker made it last (a workspace shared by several workers). */
  static final String OWNER_FILE = ".worker-owner";

  private final Path root;
  private final String owner;
  private final Set<SecretFiles> live = ConcurrentHashMap.newKeySet();

  /** The workspace of one worker alone: its start-up sweep removes every leftover configuration. */
  public JobDirectories(Path root) {
    this(root, null);
  }

  /**
   * A workspace the worker {@code owner} may share with other workers (compose's {@code --scale worker=2} on one volume):
   * each attempt directory it makes names it, and its start-up sweep leaves alone the directories another worker made,
   * whose connectors may be running.
   */
  public JobDirectories(Path root, String owner) {
    this.root = root.toAbsolutePath();
    this.owner = owner;
  }

  public Path root() {
    return root;
  }

  /** Makes (if needed) the directory of one attempt, and its job's, both {@code rwx------}. */
  public Path attempt(String jobId, int attempt) {
    Path job = root.resolve(safe(jobId));
    Path dir = job.resolve(Integer.toString(attempt));
    try {
      if (!Files.isDirectory(root)) {
        Files.createDirectories(root, DIRECTORY_MODE);
      }
      ownerOnlyDirectory(job);
      ownerOnlyDirectory(dir);
      if (owner != null) {
        writeOwner(dir);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create the job directory " + dir, e);
    }
    return dir;
  }

  /** Connector configurations to write into {@code dir} (an attempt's directory), removed when closed. */
  public SecretFiles secretFiles(Path dir) {
    SecretFiles files = new SecretFiles(dir, live::remove);
    live.add(files);
    return files;
  }

  /** Writes {@code value} as JSON to {@code dir/name}, a new file readable by the worker's user only. */
  public static void writeJson(Path dir, String name, Object value) {
    Path file = dir.resolve(name);
    try {
      byte[] bytes = Jsons.mapper().writeValueAsBytes(value);
      // a file of an earlier run of the same attempt goes: the new one is created rw------- (a mode
      // given at creation; an existing file would keep its own)
      Files.deleteIfExists(file);
      Files.createFile(file, FILE_MODE);
      Files.write(file, bytes);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + file, e);
    }
  }

  /**
   * Removes the connector configurations of connectors that no longer run: those a crashed worker
   * left behind (a {@code kill -9} mid-attempt), and those of this worker's runs still going when it
   * stops. Job directories of earlier versions, {@code rwxr-xr-x}, are narrowed to
   * {@code rwx------}; a workspace that does not exist yet is made {@code rwx------}. Called at
   * start-up before any attempt runs (one worker per workspace), and when the worker stops.
   * Returns how many files were removed.
   */
  public int removeLeftoverSecrets() {
    live.forEach(SecretFiles::close);
    if (!Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS)) {
      try {
        Files.createDirectories(root, DIRECTORY_MODE);
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot create the workspace " + root, e);
      }
      return 0;
    }
    int removed = 0;
    for (Path job : children(root)) {
      if (job.getFileName().toString().startsWith(".") || !Files.isDirectory(job, LinkOption.NOFOLLOW_LINKS)) {
        continue; // not a job: the class-data archives, say
      }
      narrow(job);
      for (Path attempt : children(job)) {
        if (!Files.isDirectory(attempt, LinkOption.NOFOLLOW_LINKS)) {
          continue;
        }
        narrow(attempt);
        if (!ours(attempt)) {
          continue; // another worker's attempt: its connectors may be running
        }
        for (Path file : children(attempt)) {
          if (SecretFiles.isSecretFile(file.getFileName().toString())) {
            try {
              Files.deleteIfExists(file);
              removed++;
            } catch (IOException e) {
              LOG.warn("Cannot remove {}, a leftover connector configuration with secrets: {}", file, e.toString());
            }
          }
        }
      }
    }
    if (removed > 0) {
      LOG.info("Removed {} connector configuration(s) left in {} by connectors that no longer run", removed, root);
    }
    return removed;
  }

  private void writeOwner(Path dir) throws IOException {
    Path file = dir.resolve(OWNER_FILE);
    Files.deleteIfExists(file);
    Files.createFile(file, FILE_MODE);
    Files.writeString(file, owner);
  }

  /** A worker alone on its workspace owns every attempt; one sharing it, those it made itself or that name no worker. */
  private boolean ours(Path attempt) {
    Path file = attempt.resolve(OWNER_FILE);
    if (owner == null || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
      return true;
    }
    try {
      return Files.readString(file).trim().equals(owner);
    } catch (IOException e) {
      LOG.warn("Cannot read {}: {}", file, e.toString());
      return false;
    }
  }

  private static void ownerOnlyDirectory(Path dir) throws IOException {
    try {
      Files.createDirectory(dir, DIRECTORY_MODE);
    } catch (FileAlreadyExistsException e) {
      if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
        throw e;
      }
      narrow(dir); // made by an earlier run of the attempt, or by an earlier version of the worker
    }
  }

  private static void narrow(Path dir) {
    try {
      if (!Files.getPosixFilePermissions(dir, LinkOption.NOFOLLOW_LINKS).equals(OWNER_ONLY_DIRECTORY)) {
        Files.setPosixFilePermissions(dir, OWNER_ONLY_DIRECTORY);
      }
    } catch (IOException e) {
      LOG.warn("Cannot make {} readable by its owner only: {}", dir, e.toString());
    }
  }

  private static List<Path> children(Path dir) {
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
      List<Path> list = new ArrayList<>();
      entries.forEach(list::add);
      return list;
    } catch (IOException e) {
      LOG.warn("Cannot list {}: {}", dir, e.toString());
      return List.of();
    }
  }

  private static String safe(String jobId) {
    String s = jobId.replaceAll("[^a-zA-Z0-9_.-]", "_");
    if (s.isEmpty() || s.startsWith(".")) {
      throw new IllegalArgumentException("not a usable job id: '" + jobId + "'");
    }
    return s;
  }
}
