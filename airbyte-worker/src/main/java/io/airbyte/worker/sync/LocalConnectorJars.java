package io.airbyte.worker.sync;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * How the local process factory runs a definition: the image {@code airbyte/<name>:<tag>} runs as
 * {@code java <options> -jar <dir>/<name>.jar} (or {@code <dir>/<name>/target/<name>.jar}, the
 * source tree's) when that jar exists (our connectors); other images
 * have no local command and need Docker. The JVM's own warnings go to stderr, never into the
 * connector's message stream; with {@link ClassDataArchives}, the jar's class-data archive is mapped
 * once it exists.
 */
public final class LocalConnectorJars {

  private final Path dir;
  private final List<String> javaCommand;
  private final ClassDataArchives archives;

  public LocalConnectorJars(Path dir, List<String> javaOptions) {
    this(dir, javaOptions, null);
  }

  /** {@code archives} may be null: no class-data archives. */
  public LocalConnectorJars(Path dir, List<String> javaOptions, ClassDataArchives archives) {
    this.dir = dir;
    this.archives = archives;
    this.javaCommand = new ArrayList<>();
    javaCommand.add(java());
    // before the configured options, so that an -Xlog of theirs still counts
    javaCommand.addAll(List.of("-Xlog:disable", "-Xlog:all=warning:stderr"));
    javaCommand.addAll(javaOptions);
  }

  /** The {@code java} of this JVM, which runs the connectors. */
  public static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  public List<String> commandFor(String dockerRepository) {
    if (dir == null) {
      return List.of();
    }
    String name = dockerRepository.substring(dockerRepository.lastIndexOf('/') + 1);
    Path jar = dir.resolve(name + ".jar");
    if (!Files.isRegularFile(jar)) {
      // a source tree: connectors/<name>/target/<name>.jar
      jar = dir.resolve(name).resolve("target").resolve(name + ".jar");
    }
    if (!Files.isRegularFile(jar)) {
      return List.of();
    }
    List<String> command = new ArrayList<>(javaCommand);
    if (archives != null) {
      command.addAll(archives.optionsFor(jar));
    }
    command.addAll(List.of("-jar", jar.toAbsolutePath().toString()));
    return command;
  }
}
