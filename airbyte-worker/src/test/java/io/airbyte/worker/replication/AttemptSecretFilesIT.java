package io.airbyte.worker.replication;

import static io.airbyte.worker.replication.EngineHarness.records;
import static org.assertj.core.api.Assertions.assertThat;

import io.airbyte.contract.connector.ConnectorRuntime;
import io.airbyte.contract.connector.ConnectorRuntime.DockerImage;
import io.airbyte.protocol.testing.Messages;
import io.airbyte.worker.process.ConnectorProcess;
import io.airbyte.worker.process.ConnectorRole;
import io.airbyte.worker.process.JobDirectories;
import io.airbyte.worker.process.LocalProcessFactory;
import io.airbyte.worker.process.ProcessFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The configurations of an attempt's connectors (decrypted secrets) exist while their connector
 * runs, {@code rw-------} in {@code rwx------} directories, and are gone once it ends, whatever the
 * end: success, failure, a connector killed, cancellation, a connector that cannot start, the engine's
 * own failure. The catalogs and the log stay.
 */
@Timeout(120)
class AttemptSecretFilesIT {

  /** A source's last words: the modes of its config file and of its working directory (the job directory). */
  private static final String REPORT_MODES = "echo \"{\\\"type\\\":\\\"LOG\\\",\\\"log\\\":{\\\"level\\\":\\\"INFO\\\","
      + "\\\"message\\\":\\\"config $(stat -c %a \"$2\") in $(stat -c %a .) under $(stat -c %a ..)\\\"}}\"";

  @TempDir
  Path dir;

  private static Messages twoRecords() {
    return records(new Messages(), "users", 1, 2).state("public", "users", "{\"cursor\":2}");
  }

  private Path attemptDir(EngineHarness h, int attempt) {
    return h.dir.resolve("workspace").resolve("7").resolve(Integer.toString(attempt));
  }

  private static List<String> files(Path attempt) throws IOException {
    try (Stream<Path> list = Files.list(attempt)) {
      return list.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  private static void assertOnlyCatalogsAndLogLeft(Path attempt) throws IOException {
    assertThat(files(attempt)).containsExactly("destination_catalog.json", "logs.log", "source_catalog.json");
  }

  @Test
  void aSuccessfulAttemptsConnectorsReadOwnerOnlyFilesThatAreGoneAfterwards() throws Exception {
    EngineHarness h = new EngineHarness(dir);

    ReplicationOutput output = h.run(h.source(twoRecords().toString(), REPORT_MODES + "; exit 0"));

    assertThat(output.status()).isEqualTo(ReplicationStatus.COMPLETED);
    assertThat(h.log(output)).contains("source > INFO config 600 in 700 under 700");
    assertOnlyCatalogsAndLogLeft(attemptDir(h, 0));
  }

  @Test
  void aFailedAttemptLeavesNoConfiguration() throws Exception {
    EngineHarness h = new EngineHarness(dir);

    ReplicationOutput output = h.run(h.source(twoRecords().toString(), "exit 3"));

    assertThat(output.status()).isEqualTo(ReplicationStatus.FAILED);
    assertOnlyCatalogsAndLogLeft(attemptDir(h, 0));
  }

  @Test
  void aKilledSourcesConfigurationGoesAtOnceAndTheDestinationsWhenItEnds() throws Exception {
    EngineHarness h = new EngineHarness(dir);
    Path attempt = attemptDir(h, 0);
    // a destination that reads to the end of its input, then waits to be released
    ConnectorRuntime lingering = EngineHarness.JARS.script("cat > /dev/null; while [ ! -f release ]; do sleep 0.1; done");
    ReplicationRun run = h.worker().start(new ReplicationInput("connection-1", "7", 0,
        h.source(twoRecords().toString(), "exec sleep 600"), h.destinationConfig, lingering, h.destinationConfig, h.catalog,
        List.of(), NamespaceMapping.identity(), List.of()));
    await(() -> Files.exists(dir.resolve("source.pid")) && Files.exists(attempt.resolve("source_config.json")));

    ProcessHandle.of(h.pid("source")).orElseThrow().destroyForcibly();

    await(() -> !Files.exists(attempt.resolve("source_config.json")));
    assertThat(attempt.resolve("destination_config.json")).as("its destination still runs").exists();
    Files.writeString(attempt.resolve("release"), "");
    ReplicationOutput output = run.await();
    assertThat(output.status()).isEqualTo(ReplicationStatus.FAILED);
    assertThat(output.failures().get(0).externalMessage()).contains("exit code 137");
    Files.delete(attempt.resolve("release"));
    assertOnlyCatalogsAndLogLeft(attempt);
  }

  @Test
  void aCancelledAttemptLeavesNoConfiguration() throws Exception {
    EngineHarness h = new EngineHarness(dir);
    Path attempt = attemptDir(h, 0);
    ReplicationRun run = h.start(h.source(twoRecords().toString(), "exec sleep 600"));
    await(() -> run.progress().recordsEmitted() == 2);
    assertThat(files(attempt)).contains("source_config.json", "destination_config.json");

    run.cancel();

    assertThat(run.await().status()).isEqualTo(ReplicationStatus.CANCELLED);
    assertThat(EngineHarness.alive(h.pid("source"))).isFalse();
    assertOnlyCatalogsAndLogLeft(attempt);
  }

  @Test
  void aSourceThatCannotStartLeavesNoConfigurationOfEitherSide() throws Exception {
    EngineHarness h = new EngineHarness(dir);

    ReplicationOutput output = h.worker().start(h.input(new DockerImage("fake/docker-only", "test"), 0)).await();

    assertThat(output.status()).isEqualTo(ReplicationStatus.FAILED);
    assertThat(output.failures().get(0).externalMessage()).contains("has no local command");
    assertOnlyCatalogsAndLogLeft(attemptDir(h, 0));
  }

  @Test
  void anEngineFailureAfterTheDestinationStartedLeavesNoConfiguration() throws Exception {
    EngineHarness h = new EngineHarness(dir);
    LocalProcessFactory local = new LocalProcessFactory(EngineHarness.JARS);
    AtomicReference<ConnectorProcess> destination = new AtomicReference<>();
    // the process factory breaks (a daemon gone, say) between the two connectors
    ProcessFactory breaking = request -> {
      if (request.role() == ConnectorRole.SOURCE) {
        throw new IllegalStateException("the factory broke");
      }
      destination.set(local.create(request));
      return destination.get();
    };
    ReplicationWorker worker = new ReplicationWorker(breaking, h.persistence, h.settings,
        new JobDirectories(dir.resolve("workspace")), Clock.systemUTC());

    ReplicationOutput output = worker.start(h.input(h.source(twoRecords().toString(), "exit 0"), 0)).await();

    assertThat(output.status()).isEqualTo(ReplicationStatus.FAILED);
    assertThat(output.failures().get(0).externalMessage()).contains("the factory broke");
    assertThat(destination.get().isAlive()).as("the destination was stopped").isFalse();
    assertOnlyCatalogsAndLogLeft(attemptDir(h, 0));
  }

  private static void await(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.currentTimeMillis() + 30_000;
    while (!condition.getAsBoolean()) {
      assertThat(System.currentTimeMillis()).as("within 30 s").isLessThan(deadline);
      Thread.sleep(20);
    }
  }
}
