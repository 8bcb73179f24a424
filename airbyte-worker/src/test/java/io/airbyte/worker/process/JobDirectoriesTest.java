package io.airbyte.worker.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.airbyte.protocol.json.Jsons;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The workspace's modes, connector configurations written and removed, and the start-up sweep. */
class JobDirectoriesTest {

  @TempDir
  Path dir;

  private static String mode(Path path) throws Exception {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
  }

  @Test
  void jobAndAttemptDirectoriesAreTheOwnersOnlyAlsoWhenAnEarlierVersionMadeThemOpen() throws Exception {
    JobDirectories directories = new JobDirectories(dir.resolve("workspace"));

    Path attempt = directories.attempt("12", 0);

    assertThat(attempt).isEqualTo(dir.resolve("workspace/12/0"));
    assertThat(mode(attempt)).isEqualTo("rwx------");
    assertThat(mode(attempt.getParent())).isEqualTo("rwx------");
    assertThat(mode(attempt.getParent().getParent())).as("a new workspace").isEqualTo("rwx------");

    Path old = Files.createDirectories(dir.resolve("workspace/13/0"));
    Files.setPosixFilePermissions(old, PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.setPosixFilePermissions(old.getParent(), PosixFilePermissions.fromString("rwxr-xr-x"));
    directories.attempt("13", 0);
    assertThat(mode(old)).isEqualTo("rwx------");
    assertThat(mode(old.getParent())).isEqualTo("rwx------");
  }

  @Test
  void filesAreCreatedForTheOwnerOnlyEvenOverAnOpenFileOfAnEarlierRun() throws Exception {
    Path attempt = new JobDirectories(dir).attempt("1", 0);
    Path catalog = attempt.resolve("source_catalog.json");
    Files.writeString(catalog, "old");
    Files.setPosixFilePermissions(catalog, PosixFilePermissions.fromString("rw-r--r--"));

    JobDirectories.writeJson(attempt, "source_catalog.json", Jsons.object().put("streams", 1));

    assertThat(mode(catalog)).isEqualTo("rw-------");
    assertThat(Files.readString(catalog)).isEqualTo("{\"streams\":1}");
  }

  @Test
  void secretFilesAreOwnerOnlyAndGoneOnceClosedWhileTheRestStays() throws Exception {
    JobDirectories directories = new JobDirectories(dir);
    Path attempt = directories.attempt("1", 0);
    JobDirectories.writeJson(attempt, "source_catalog.json", Jsons.object());
    Path config = attempt.resolve("source_config.json");

    try (SecretFiles secrets = directories.secretFiles(attempt)) {
      secrets.writeJson("source_config.json", Jsons.object().put("password", "hunter2"));
      assertThat(mode(config)).isEqualTo("rw-------");
      assertThat(Files.readString(config)).contains("hunter2");
      assertThatThrownBy(() -> secrets.writeJson("source_secrets.json", Jsons.object()))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("_config.json");
    }

    assertThat(config).doesNotExist();
    assertThat(attempt.resolve("source_catalog.json")).exists();
  }

  @Test
  void secretFilesGoWhenTheirProcessEndsBeforeTheyAreClosed() throws Exception {
    JobDirectories directories = new JobDirectories(dir);
    Path attempt = directories.attempt("1", 0);
    Path config = attempt.resolve("connector_config.json");
    try (SecretFiles secrets = directories.secretFiles(attempt)) {
      secrets.writeJson("connector_config.json", Jsons.object().put("password", "hunter2"));
      FakeJars jars = new FakeJars();
      ConnectorProcess process = new LocalProcessFactory(jars).create(new LaunchRequest("1", 0, ConnectorRole.SOURCE,
          jars.script("exit 3"), attempt, List.of(), List.of("check"), null));
      secrets.removeWhenEnded(process);
      assertThat(process.waitFor(Duration.ofSeconds(10))).isTrue();
      long deadline = System.currentTimeMillis() + 10_000;
      while (Files.exists(config) && System.currentTimeMillis() < deadline) {
        Thread.sleep(20);
      }
      assertThat(config).as("removed once the connector exited, before the end of the run").doesNotExist();
    }
  }

  @Test
  void theStartUpSweepRemovesLeftoverConfigurationsOnlyAndNarrowsOldDirectories() throws Exception {
    Path root = dir.resolve("workspace");
    Path attempt = Files.createDirectories(root.resolve("7/2"));
    Path check = Files.createDirectories(root.resolve("check-abc/0"));
    Files.setPosixFilePermissions(attempt, PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.setPosixFilePermissions(attempt.getParent(), PosixFilePermissions.fromString("rwxr-xr-x"));
    for (String name : new String[] {"source_config.json", "destination_config.json", "source_catalog.json", "logs.log",
        "input_state.json"}) {
      Files.writeString(attempt.resolve(name), "{}");
    }
    Files.writeString(check.resolve("connector_config.json"), "{\"password\":\"x\"}");
    Path archives = Files.createDirectories(root.resolve(".class-data"));
    Files.writeString(archives.resolve("source-postgres-1.jsa"), "archive");

    int removed = new JobDirectories(root).removeLeftoverSecrets();

    assertThat(removed).isEqualTo(3);
    try (var left = Files.list(attempt)) {
      assertThat(left.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("source_catalog.json", "logs.log", "input_state.json");
    }
    assertThat(check.resolve("connector_config.json")).doesNotExist();
    assertThat(archives.resolve("source-postgres-1.jsa")).exists();
    assertThat(mode(attempt)).isEqualTo("rwx------");
    assertThat(mode(attempt.getParent())).isEqualTo("rwx------");
    assertThat(new JobDirectories(dir.resolve("new")).removeLeftoverSecrets()).isZero();
    assertThat(mode(dir.resolve("new"))).as("a workspace made at start-up").isEqualTo("rwx------");
  }

  /** Several workers on one workspace volume (compose's {@code --scale worker=2}): a worker starting sweeps only its own attempts. */
  @Test
  void theStartUpSweepOfAWorkerSharingTheWorkspaceLeavesAnotherWorkersConfigurations() throws Exception {
    Path root = dir.resolve("shared");
    JobDirectories a = new JobDirectories(root, "worker-a");
    JobDirectories b = new JobDirectories(root, "worker-b");
    Path ofA = a.attempt("11", 0);
    Path ofB = b.attempt("12", 0);
    Files.writeString(ofA.resolve("source_config.json"), "{\"password\":\"a\"}");
    Files.writeString(ofB.resolve("source_config.json"), "{\"password\":\"b\"}");
    Path unmarked = Files.createDirectories(root.resolve("10/0"));
    Files.writeString(unmarked.resolve("destination_config.json"), "{}");

    int removed = new JobDirectories(root, "worker-a").removeLeftoverSecrets();

    assertThat(ofA.resolve("source_config.json")).as("worker-a's leftover").doesNotExist();
    assertThat(unmarked.resolve("destination_config.json")).as("a leftover that names no worker").doesNotExist();
    assertThat(ofB.resolve("source_config.json")).as("worker-b's connector configuration, its connector maybe running").exists();
    assertThat(removed).isEqualTo(2);
  }
}
