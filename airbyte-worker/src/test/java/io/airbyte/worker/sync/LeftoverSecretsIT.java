package io.airbyte.worker.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.airbyte.scheduler.TemporalClients;
import io.airbyte.scheduler.TemporalSettings;
import io.airbyte.testsupport.postgres.PostgresExtension;
import io.airbyte.testsupport.postgres.PostgresTestDatabase;
import io.airbyte.worker.replication.AttemptUntilKilled;
import io.temporal.testserver.TestServer;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A worker killed with {@code kill -9} mid-attempt leaves its connectors' configurations (secrets in
 * clear) in the job directory; the next worker's start removes them, and keeps the log and catalogs.
 */
@ExtendWith(PostgresExtension.class)
@Timeout(180)
class LeftoverSecretsIT {

  @TempDir
  Path dir;

  @Test
  void theNextStartRemovesTheConfigurationsOfAWorkerKilledMidAttempt(PostgresTestDatabase db) throws Exception {
    Path attempt = dir.resolve("workspace/7/0");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process crashing = new ProcessBuilder(java, "-Xmx128m", "-cp", System.getProperty("java.class.path"),
        AttemptUntilKilled.class.getName(), dir.toString())
        .redirectErrorStream(true).redirectOutput(dir.resolve("crashing.log").toFile()).start();
    try {
      long deadline = System.currentTimeMillis() + 60_000;
      while (!(Files.exists(dir.resolve("source.pid")) && Files.exists(dir.resolve("destination.pid"))
          && Files.exists(attempt.resolve("source_config.json")))) {
        assertThat(crashing.isAlive()).as(Files.readString(dir.resolve("crashing.log"))).isTrue();
        assertThat(System.currentTimeMillis()).as("the attempt runs within 60 s").isLessThan(deadline);
        Thread.sleep(50);
      }
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(attempt.resolve("source_config.json"))))
          .isEqualTo("rw-------");
    } finally {
      crashing.destroyForcibly().waitFor(); // kill -9: nothing of the worker runs any more
      // its connectors, orphans now, go too
      for (String role : List.of("source", "destination")) {
        ProcessHandle.of(Long.parseLong(Files.readString(dir.resolve(role + ".pid")).trim()))
            .ifPresent(ProcessHandle::destroyForcibly);
      }
    }
    assertThat(files(attempt)).as("what the killed worker left").contains("source_config.json", "destination_config.json");

    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    Path noConnectors = Files.createDirectories(dir.resolve("no-connectors"));
    Map<String, String> env = Map.of("TEMPORAL_HOST", "127.0.0.1:" + port, "AIRBYTE_WORKSPACE_ROOT",
        dir.resolve("workspace").toString(), "AIRBYTE_LOCAL_CONNECTORS_DIR", noConnectors.toString(),
        "AIRBYTE_LOCAL_CONNECTOR_CLASS_DATA", "false", "AIRBYTE_SECRETS_KEY", Base64.getEncoder().encodeToString(new byte[32]));
    TemporalSettings settings = TemporalSettings.fromEnvironment(env);
    try (var temporal = TestServer.createPortBoundServer(port, false);
        WorkerProcess worker = WorkerProcess.start(db.dataSource(), TemporalClients.create(settings), settings, env)) {
      assertThat(files(attempt)).containsExactlyInAnyOrder("destination_catalog.json", "logs.log", "source_catalog.json");
      assertThat(Files.readString(attempt.resolve("logs.log"))).contains("Replication of connection connection-1, job 7");
    }
  }

  private static List<String> files(Path attempt) throws Exception {
    try (Stream<Path> list = Files.list(attempt)) {
      return list.map(p -> p.getFileName().toString()).toList();
    }
  }
}
