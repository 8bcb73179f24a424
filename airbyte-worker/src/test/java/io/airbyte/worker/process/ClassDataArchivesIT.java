package io.airbyte.worker.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.airbyte.contract.connector.ConnectorRuntime.BuiltInJar;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Archives made from a real connector jar by this machine's JVM, and connectors that really map them. */
class ClassDataArchivesIT {

  private static final Path FAKER = Path.of(System.getProperty("connectors.dir", "../connectors"))
      .resolve("source-faker/target/source-faker.jar").toAbsolutePath();
  private static final List<String> OPTIONS = List.of("-XX:+UseSerialGC", "-Xmx192m");

  @TempDir
  Path dir;

  @Test
  void theFirstRunMakesTheArchiveAndLaterRunsMapIt() throws Exception {
    Path jars = Files.createDirectories(dir.resolve("connectors"));
    Files.copy(FAKER, jars.resolve("source-faker.jar"));
    ClassDataArchives archives = new ClassDataArchives(dir.resolve("class-data"), LocalConnectorJars.java(), OPTIONS);
    LocalConnectorJars local = new LocalConnectorJars(jars, OPTIONS, archives);

    List<String> first = local.commandFor(new BuiltInJar("source-faker"));
    assertThat(first).noneMatch(o -> o.startsWith("-XX:SharedArchiveFile"));
    assertThat(run(first)).contains("\"type\":\"SPEC\"");
    assertThat(archives.awaitMade(120)).isTrue();

    List<String> later = new LocalConnectorJars(jars, OPTIONS, archives).commandFor(new BuiltInJar("source-faker"));
    assertThat(later).anyMatch(o -> o.startsWith("-XX:SharedArchiveFile=" + dir.resolve("class-data")));
    // -Xshare:on fails the JVM unless it maps the archive
    List<String> strict = new ArrayList<>(later);
    strict.add(1, "-Xshare:on");
    assertThat(run(strict)).startsWith("{\"type\":\"SPEC\"");
  }

  @Test
  void aNewJarGetsANewArchiveAndTheOldOneGoes() throws Exception {
    Path jar = dir.resolve("source-faker.jar");
    Files.copy(FAKER, jar);
    ClassDataArchives first = new ClassDataArchives(dir.resolve("class-data"), LocalConnectorJars.java(), OPTIONS);
    Path old = first.archiveOf(jar);
    first.optionsFor(jar);
    assertThat(first.awaitMade(120)).isTrue();
    assertThat(old).isRegularFile();

    Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 60_000));
    ClassDataArchives second = new ClassDataArchives(dir.resolve("class-data"), LocalConnectorJars.java(), OPTIONS);
    Path updated = second.archiveOf(jar);
    assertThat(updated).isNotEqualTo(old);
    assertThat(second.optionsFor(jar)).isEmpty();
    assertThat(second.awaitMade(120)).isTrue();
    assertThat(updated).isRegularFile();
    assertThat(old).doesNotExist();
    assertThat(second.optionsFor(jar)).containsExactly("-XX:SharedArchiveFile=" + updated);
  }

  @Test
  void aJarThatCannotBeArchivedRunsWithout() throws Exception {
    Path jar = dir.resolve("broken.jar");
    Files.writeString(jar, "not a jar");
    ClassDataArchives archives = new ClassDataArchives(dir.resolve("class-data"), LocalConnectorJars.java(), OPTIONS);
    assertThat(archives.optionsFor(jar)).isEmpty();
    assertThat(archives.awaitMade(120)).isTrue();
    assertThat(archives.optionsFor(jar)).isEmpty();
    assertThat(archives.archiveOf(jar)).doesNotExist();
  }

  @Test
  void theJvmsOwnWarningsGoToStderrNotIntoTheMessageStream() throws Exception {
    Path jars = Files.createDirectories(dir.resolve("connectors"));
    Files.copy(FAKER, jars.resolve("source-faker.jar"));
    // an archive of the jar as it was before it changed: the JVM cannot map it and warns
    Path jar = jars.resolve("source-faker.jar");
    Path archive = dir.resolve("stale.jsa");
    Process dump = new ProcessBuilder(LocalConnectorJars.java(), "-XX:ArchiveClassesAtExit=" + archive, "-jar", jar.toString(), "spec")
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    assertThat(dump.waitFor(60, TimeUnit.SECONDS)).isTrue();
    Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() - 3_600_000));
    List<String> options = List.of("-XX:SharedArchiveFile=" + archive);

    List<String> bare = new ArrayList<>(List.of(LocalConnectorJars.java()));
    bare.addAll(options);
    bare.addAll(List.of("-jar", jars.resolve("source-faker.jar").toString()));
    assertThat(run(bare)).as("without the logging options the warning lands on stdout").contains("[warning]");

    String out = run(new LocalConnectorJars(jars, options).commandFor(new BuiltInJar("source-faker")));
    assertThat(out).startsWith("{\"type\":\"SPEC\"").doesNotContain("[warning]");
  }

  private static String run(List<String> command) throws Exception {
    List<String> full = new ArrayList<>(command);
    full.add("spec");
    Process p = new ProcessBuilder(full).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    String out = new String(p.getInputStream().readAllBytes());
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    return out;
  }
}
