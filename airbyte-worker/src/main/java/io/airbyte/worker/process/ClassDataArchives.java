package io.airbyte.worker.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Class-data sharing archives for the local connector jars: a connector JVM that maps the archive of
 * its jar starts in about half the time (a check of destination-postgres: 0.86 s → 0.45 s), which every
 * spec, check, discover and sync pays. The archive of a jar is made once, in the background, the first
 * time the jar is asked for ({@code java -Xshare:dump} with every class of the jar and the JDK's default
 * class list, by the same {@code java} that runs the connectors); until it exists the jar runs without
 * one. Its name carries the jar's size and time and the JVM's version, so a new jar or a new JVM gets a
 * new archive; a JVM that cannot map an archive runs without it.
 */
public final class ClassDataArchives implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ClassDataArchives.class);
  private static final long MAKE_TIMEOUT_SECONDS = 300;
  private static final Path NICE = Path.of("/usr/bin/nice");

  private final Path dir;
  private final String java;
  private final List<String> javaOptions;
  private final Set<Path> started = ConcurrentHashMap.newKeySet();
  private final ExecutorService maker = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "class-data-archives");
    t.setDaemon(true);
    return t;
  });

  /** Archives go to {@code dir}; they are made by {@code java} with the options the connectors run with. */
  public ClassDataArchives(Path dir, String java, List<String> javaOptions) {
    this.dir = dir.toAbsolutePath();
    this.java = java;
    this.javaOptions = List.copyOf(javaOptions);
  }

  /** The JVM options that map the jar's archive when it exists; otherwise none, and the archive is made in the background. */
  public List<String> optionsFor(Path jar) {
    Path archive;
    try {
      archive = archiveOf(jar);
    } catch (IOException e) {
      return List.of();
    }
    if (Files.isRegularFile(archive)) {
      return List.of("-XX:SharedArchiveFile=" + archive);
    }
    if (started.add(archive)) {
      maker.execute(() -> make(jar, archive));
    }
    return List.of();
  }

  /** Waits for the archives being made (tests, and a clean stop). */
  boolean awaitMade(long seconds) throws InterruptedException {
    maker.shutdown();
    return maker.awaitTermination(seconds, TimeUnit.SECONDS);
  }

  Path archiveOf(Path jar) throws IOException {
    String name = jar.getFileName().toString().replaceFirst("\\.jar$", "");
    String key = Files.size(jar) + "-" + Files.getLastModifiedTime(jar).toMillis() + "-" + System.getProperty("java.vm.version");
    return dir.resolve(name + "-" + Integer.toHexString(key.hashCode()) + ".jsa");
  }

  private void make(Path jar, Path archive) {
    long start = System.nanoTime();
    Path tmp = archive.resolveSibling(archive.getFileName() + "." + UUID.randomUUID() + ".tmp");
    Path classList = archive.resolveSibling(archive.getFileName() + "." + UUID.randomUUID() + ".classlist");
    Path log = archive.resolveSibling(archive.getFileName() + ".log");
    Process p = null;
    try {
      Files.createDirectories(dir);
      Files.write(classList, classList(jar), StandardCharsets.UTF_8);
      List<String> command = new ArrayList<>();
      if (Files.isExecutable(NICE)) {
        // in the background of everything else the platform and its connectors do
        command.addAll(List.of(NICE.toString(), "-n", "19"));
      }
      command.add(java);
      command.addAll(javaOptions);
      command.addAll(List.of("-Xshare:dump", "-XX:SharedClassListFile=" + classList, "-XX:SharedArchiveFile=" + tmp,
          "-cp", jar.toAbsolutePath().toString()));
      p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
      if (!p.waitFor(MAKE_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        LOG.warn("Making the class-data archive of {} took over {} s: the connector runs without one", jar, MAKE_TIMEOUT_SECONDS);
        return;
      }
      if (p.exitValue() != 0 || !Files.isRegularFile(tmp)) {
        LOG.warn("Could not make the class-data archive of {} (exit {}; see {}): the connector runs without one", jar,
            p.exitValue(), log);
        return;
      }
      Files.move(tmp, archive, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      Files.deleteIfExists(log);
      removeOlderArchives(archive);
      LOG.info("Made the class-data archive of {} in {} ms: {}", jar.getFileName(), (System.nanoTime() - start) / 1_000_000,
          archive);
    } catch (IOException | RuntimeException e) {
      LOG.warn("Could not make the class-data archive of {}: {}; the connector runs without one", jar, e.toString());
    } catch (InterruptedException e) {
      if (p != null) {
        p.destroyForcibly();
      }
      Thread.currentThread().interrupt();
    } finally {
      try {
        Files.deleteIfExists(tmp);
        Files.deleteIfExists(classList);
      } catch (IOException e) {
        LOG.debug("Could not remove {}: {}", tmp, e.toString());
      }
    }
  }

  /** The JDK's default class list followed by every class of the jar (those that cannot be archived are skipped by the JVM). */
  private List<String> classList(Path jar) throws IOException {
    List<String> names = new ArrayList<>();
    Path jdkList = Path.of(java).getParent().resolveSibling("lib").resolve("classlist");
    if (Files.isRegularFile(jdkList)) {
      for (String line : Files.readAllLines(jdkList, StandardCharsets.UTF_8)) {
        if (!line.isBlank() && !line.startsWith("#") && !line.startsWith("@")) {
          names.add(line.trim());
        }
      }
    }
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      zip.stream().map(e -> e.getName())
          .filter(n -> n.endsWith(".class") && !n.startsWith("META-INF/") && !n.endsWith("module-info.class"))
          .map(n -> n.substring(0, n.length() - ".class".length()))
          .forEach(names::add);
    }
    return names;
  }

  /** Archives of earlier versions of the same jar, or of another JVM, are of no more use. */
  private void removeOlderArchives(Path archive) {
    String name = archive.getFileName().toString();
    String prefix = name.substring(0, name.lastIndexOf('-') + 1);
    try (DirectoryStream<Path> all = Files.newDirectoryStream(dir, prefix + "*.jsa")) {
      for (Path other : all) {
        String rest = other.getFileName().toString().substring(prefix.length());
        if (!other.equals(archive) && rest.matches("[0-9a-f]{1,8}\\.jsa")) {
          Files.deleteIfExists(other);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    maker.shutdownNow();
  }
}
