package io.airbyte.worker.process;

import io.airbyte.contract.connector.ConnectorRuntime.BuiltInJar;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The built-in connectors' jars on this machine: {@code source-postgres} runs as
 * {@code java <options> -jar <dir>/source-postgres.jar} (or {@code <dir>/source-postgres/target/source-postgres.jar},
 * the source tree's) when that jar exists. The JVM's own warnings go to stderr, never into the
 * connector's message stream; with {@link ClassDataArchives}, the jar's class-data archive is mapped
 * once it exists.
 */
public final class LocalConnectorJars implements JarCommands {

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

  @Override
  public List<String> commandFor(BuiltInJar connector) {
    if (dir == null) {
      return List.of();
    }
    String name = connector.name();
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
