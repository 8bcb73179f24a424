package io.airbyte.worker.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.airbyte.contract.connector.ConnectorRuntime.PythonPackage;
import io.airbyte.protocol.json.Jsons;
import io.airbyte.protocol.models.AirbyteConnectionStatus;
import io.airbyte.protocol.models.AirbyteStream;
import io.airbyte.worker.connector.ConnectorActivitiesImpl;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Python connectors as published on PyPI, installed by the worker into their virtual environments and
 * run as local processes: Airbyte's own source-faker answers spec, check and discover through the
 * local process factory; two first uses at once make one environment; a package that does not
 * install says why.
 */
@Timeout(900)
class PythonPackageIT {

  @TempDir
  Path dir;

  @Test
  void airbytesSourceFakerFromPypiAnswersSpecCheckAndDiscover() {
    PythonPackage faker = PythonConnectors.pinned("airbyte-source-faker");
    PythonEnvironments pythons = PythonConnectors.cached();
    var activities = new ConnectorActivitiesImpl(new LocalProcessFactory(new FakeJars(), pythons, java.util.Map.of()),
        new JobDirectories(dir), Duration.ofMinutes(2), Clock.systemUTC());

    var spec = activities.spec(faker);
    assertThat(spec.succeeded()).as("%s", spec.failure()).isTrue();
    assertThat(spec.output().getConnectionSpecification().get("properties").has("count")).isTrue();
    assertThat(Files.isRegularFile(pythons.directory(faker).resolve("bin/source-faker"))).isTrue();
    assertThat(pythons.directory(faker)).isEqualTo(PythonConnectors.CACHE.resolve("airbyte-source-faker-" + faker.version()));

    var check = activities.check(ConnectorRole.SOURCE, faker, Jsons.object().put("count", 10).put("seed", 1));
    assertThat(check.succeeded()).as("%s", check.failure()).isTrue();
    assertThat(check.output().getStatus()).isEqualTo(AirbyteConnectionStatus.Status.SUCCEEDED);

    var discover = activities.discover(faker, Jsons.object().put("count", 10).put("seed", 1));
    assertThat(discover.succeeded()).as("%s", discover.failure()).isTrue();
    assertThat(discover.output().getStreams()).extracting(AirbyteStream::getName).contains("users", "products", "purchases");
  }

  @Test
  void twoFirstUsesAtOnceBothRunWithOneInstallWhoseLinesArePips() throws Exception {
    PythonPackage cowsay = PythonConnectors.pinned("cowsay");
    PythonEnvironments pythons = new PythonEnvironments(dir.resolve("python"), PythonConfig.PYTHON.read(System.getenv()));
    List<String> progress = Collections.synchronizedList(new ArrayList<>());
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Callable<List<String>> firstUse = () -> pythons.commandFor(cowsay, progress::add);
      Future<List<String>> one = pool.submit(firstUse);
      Future<List<String>> two = pool.submit(firstUse);

      assertThat(one.get()).isEqualTo(two.get()).containsExactly(dir.resolve("python/cowsay-" + cowsay.version() + "/bin/cowsay")
          .toAbsolutePath().toString());
    } finally {
      pool.shutdownNow();
    }
    assertThat(progress).filteredOn(line -> line.startsWith("Installing " + cowsay.describe())).hasSize(1);
    assertThat(progress).anyMatch(line -> line.startsWith("Successfully installed cowsay-" + cowsay.version()));
    assertThat(progress).filteredOn(line -> line.startsWith("Installed " + cowsay.describe() + "; it runs as cowsay")).hasSize(1);

    // a later worker on the same directory takes the environment as it is
    List<String> later = new ArrayList<>();
    new PythonEnvironments(dir.resolve("python"), null).commandFor(cowsay, later::add);
    assertThat(later).isEmpty();
  }

  @Test
  void aPackageThatDoesNotInstallIsNamedWithPipsLastErrorLine() {
    PythonPackage missing = new PythonPackage("cowsay", "0.0.999");
    PythonEnvironments pythons = new PythonEnvironments(dir.resolve("python"), null);
    List<String> progress = new ArrayList<>();

    assertThatThrownBy(() -> pythons.commandFor(missing, progress::add)).isInstanceOf(ConnectorLaunchException.class)
        .hasMessageStartingWith("Cannot install the Python package cowsay==0.0.999: ERROR: ")
        .hasMessageContaining("cowsay==0.0.999");
    assertThat(Files.exists(pythons.directory(missing).resolve(PythonEnvironments.MARKER))).isFalse();
  }

  @Test
  void aConfiguredPythonTooOldOrNotAPythonIsRefusedSayingWhatToDo() throws Exception {
    Path old = Files.writeString(dir.resolve("python3.8"), "#!/bin/sh\necho 3.8.10\n");
    old.toFile().setExecutable(true);
    assertThatThrownBy(() -> new PythonEnvironments(dir.resolve("python"), old.toString())
        .commandFor(new PythonPackage("cowsay", "6.1"), line -> { }))
        .isInstanceOf(ConnectorLaunchException.class).hasMessageContaining("AIRBYTE_PYTHON").hasMessageContaining("3.8.10")
        .hasMessageContaining("3.10 or newer");
    assertThatThrownBy(() -> PythonInterpreter.find(dir.resolve("nothing-here").toString()))
        .isInstanceOf(ConnectorLaunchException.class).hasMessageContaining("does not run as a Python interpreter");
  }
}
