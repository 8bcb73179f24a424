package io.airbyte.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.airbyte.testsupport.docker.DockerSupport;
import io.airbyte.testsupport.postgres.EmbeddedPostgresServer;
import io.airbyte.testsupport.postgres.PostgresTestDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A running sync cancelled through the public API ({@code DELETE /jobs/{id}}), as a user cancels
 * it, with the real scheduler and worker of the platform: the job and its attempt end cancelled and
 * no connector process (nor any child of one) is left running; with the Docker factory, no
 * container of the connection is left either.
 */
@Timeout(600)
class CancelSyncIT {

  private static final Path CONNECTORS = Path.of("..", "connectors");
  private static final PostgresTestDatabase DB = EmbeddedPostgresServer.get().createDatabase();
  /** Enough users that the sync is still running when it is cancelled (it is never let finish). */
  private static final long USERS = 200_000_000L;

  @TempDir
  Path home;

  @Test
  void cancellingARunningSyncLeavesNoConnectorProcess() throws Exception {
    try (RunningPlatform platform = RunningPlatform.start(home, RunningPlatform.ANY_PORT, "cancel-local", Map.of())) {
      String connectionId = connection(platform, "127.0.0.1");
      long jobId = startSync(platform, connectionId);
      ProcessHandle jvm = ProcessHandle.of(platform.pid()).orElseThrow();
      // the attempt's replication (read and write), not its checks before it, nor the class-data archives the
      // worker makes of the jars in the background
      Predicate<ProcessHandle> connector = p -> p.info().commandLine().orElse("")
          .matches(".*(source-faker\\.jar read|destination-postgres\\.jar write) .*");
      List<ProcessHandle> running = awaitConnectors(platform, jobId, () -> {
        List<ProcessHandle> connectors = jvm.descendants().filter(connector).toList();
        return connectors.size() >= 2 ? withDescendants(connectors) : List.of();
      });

      JsonNode cancelled = cancel(platform, jobId);

      assertThat(cancelled.get("status").asText()).as(cancelled.toString()).isEqualTo("cancelled");
      assertThat(attemptStatuses(platform, jobId)).containsExactly("cancelled");
      awaitEnded(running);
      assertThat(running).as("the connector processes of the attempt and their children, after the cancel")
          .noneMatch(ProcessHandle::isAlive);
      assertThat(jvm.descendants().filter(connector).toList()).as("connector processes of the platform after the cancel")
          .isEmpty();
    }
  }

  @Test
  void cancellingARunningSyncInDockerLeavesNoContainer() throws Exception {
    DockerSupport.assumeDocker();
    DockerSupport.buildImage(CONNECTORS.resolve("source-faker"), "airbyte/source-faker:dev");
    DockerSupport.buildImage(CONNECTORS.resolve("destination-postgres"), "airbyte/destination-postgres:dev");
    Map<String, String> docker = Map.of("AIRBYTE_PROCESS_FACTORY", "docker", "AIRBYTE_DOCKER_NETWORK", "host");
    try (RunningPlatform platform = RunningPlatform.start(home, RunningPlatform.ANY_PORT, "cancel-docker", docker)) {
      String connectionId = connection(platform, "127.0.0.1");
      long jobId = startSync(platform, connectionId);
      ProcessHandle jvm = ProcessHandle.of(platform.pid()).orElseThrow();
      List<String> containers = awaitConnectors(platform, jobId, () -> {
        List<String> ids = containers(connectionId);
        return ids.size() >= 2 ? ids : List.of();
      });
      List<ProcessHandle> dockerRuns = withDescendants(jvm.descendants()
          .filter(p -> p.info().commandLine().orElse("").contains("docker run")).toList());
      assertThat(dockerRuns).as("the docker run children streaming the containers' stdio").isNotEmpty();

      JsonNode cancelled = cancel(platform, jobId);

      assertThat(cancelled.get("status").asText()).as(cancelled.toString()).isEqualTo("cancelled");
      assertThat(attemptStatuses(platform, jobId)).containsExactly("cancelled");
      awaitEnded(dockerRuns);
      assertThat(dockerRuns).as("docker run processes after the cancel").noneMatch(ProcessHandle::isAlive);
      assertThat(containers(connectionId)).as("containers of the connection after the cancel (were " + containers + ")")
          .isEmpty();
    }
  }

  private String connection(RunningPlatform platform, String host) throws Exception {
    String workspace = platform.defaultWorkspace();
    String sourceId = platform.call("POST", "/sources", "{\"name\":\"faker\",\"workspaceId\":\"" + workspace
        + "\",\"configuration\":{\"sourceType\":\"faker\",\"count\":" + USERS + ",\"seed\":5}}").get("sourceId").asText();
    String destinationId = platform.call("POST", "/destinations", "{\"name\":\"warehouse\",\"workspaceId\":\"" + workspace
        + "\",\"configuration\":{\"destinationType\":\"postgres\",\"host\":\"" + host + "\",\"port\":" + DB.port()
        + ",\"database\":\"" + DB.databaseName() + "\",\"username\":\"" + DB.username() + "\",\"password\":\""
        + DB.password() + "\",\"schema\":\"cancelled_" + home.getFileName().toString().replaceAll("[^a-z0-9]", "")
        + "\",\"ssl_mode\":{\"mode\":\"disable\"}}}").get("destinationId").asText();
    return platform.call("POST", "/connections", "{\"sourceId\":\"" + sourceId + "\",\"destinationId\":\"" + destinationId
        + "\",\"name\":\"cancelled\",\"schedule\":{\"scheduleType\":\"manual\"}}").get("connectionId").asText();
  }

  private static long startSync(RunningPlatform platform, String connectionId) throws Exception {
    return platform.call("POST", "/jobs", "{\"connectionId\":\"" + connectionId + "\",\"jobType\":\"sync\"}").get("jobId")
        .asLong();
  }

  /** Waits until {@code found} finds the attempt's connectors (a non-empty list) while the job runs. */
  private static <T> List<T> awaitConnectors(RunningPlatform platform, long jobId, java.util.function.Supplier<List<T>> found)
      throws Exception {
    long deadline = System.currentTimeMillis() + 240_000;
    while (true) {
      JsonNode job = platform.call("GET", "/jobs/" + jobId, null);
      assertThat(job.get("status").asText()).as("the job ended before it could be cancelled: " + job)
          .isIn("pending", "running", "incomplete");
      List<T> connectors = found.get();
      if (!connectors.isEmpty()) {
        return connectors;
      }
      assertThat(System.currentTimeMillis()).as("the attempt's connectors did not start within 240 s").isLessThan(deadline);
      Thread.sleep(200);
    }
  }

  private static JsonNode cancel(RunningPlatform platform, long jobId) throws Exception {
    platform.call("DELETE", "/jobs/" + jobId, null);
    long deadline = System.currentTimeMillis() + 120_000;
    JsonNode job = platform.call("GET", "/jobs/" + jobId, null);
    while (!List.of("succeeded", "failed", "cancelled").contains(job.get("status").asText())
        && System.currentTimeMillis() < deadline) {
      Thread.sleep(200);
      job = platform.call("GET", "/jobs/" + jobId, null);
    }
    return job;
  }

  private static List<String> attemptStatuses(RunningPlatform platform, long jobId) throws Exception {
    List<String> statuses = new ArrayList<>();
    platform.configApi("GET", "/jobs/" + jobId + "/attempts", null).forEach(a -> statuses.add(a.get("status").asText()));
    return statuses;
  }

  private static List<ProcessHandle> withDescendants(List<ProcessHandle> processes) {
    List<ProcessHandle> all = new ArrayList<>(processes);
    processes.forEach(p -> all.addAll(p.descendants().toList()));
    return all;
  }

  /** Gives killed processes a bounded while to be reaped; what still lives is then asserted. */
  private static void awaitEnded(List<ProcessHandle> processes) throws InterruptedException {
    for (ProcessHandle p : processes) {
      try {
        p.onExit().get(30, TimeUnit.SECONDS);
      } catch (TimeoutException | java.util.concurrent.ExecutionException stillAlive) {
        // asserted by the caller
      }
    }
  }

  /** The ids of the containers (running or not) labelled with the connection. */
  private static List<String> containers(String connectionId) {
    DockerSupport.Result ps = DockerSupport.run(List.of("docker", "ps", "-a", "-q", "--filter",
        "label=io.airbyte.connection-id=" + connectionId), null, Duration.ofSeconds(30));
    assertThat(ps.exitCode()).as(ps.stderr()).isZero();
    return ps.stdout().lines().filter(l -> !l.isBlank()).toList();
  }
}
