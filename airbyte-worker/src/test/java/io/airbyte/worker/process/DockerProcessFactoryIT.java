package io.airbyte.worker.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import io.airbyte.contract.connector.ConnectorRuntime.BuiltInJar;
import io.airbyte.contract.connector.ConnectorRuntime.DockerImage;
import io.airbyte.protocol.json.Jsons;
import io.airbyte.protocol.testing.Messages;
import io.airbyte.testsupport.docker.DockerSupport;
import io.airbyte.worker.connector.ConnectorActivitiesImpl;
import io.airbyte.worker.replication.ReplicationInput;
import io.airbyte.worker.replication.ReplicationOutput;
import io.airbyte.worker.replication.ReplicationRun;
import io.airbyte.worker.replication.ReplicationSettings;
import io.airbyte.worker.replication.ReplicationStatus;
import io.airbyte.worker.replication.ReplicationWorker;
import io.airbyte.worker.state.InMemoryStatePersistence;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Docker factory against a real daemon, with a connector image that is not ours: a shell script
 * speaking the protocol, built on the base image.
 */
@Timeout(300)
class DockerProcessFactoryIT {

  private static final String IMAGE = "airbyte-test/shell-connector:dev";
  private static final DockerImage RUNTIME = new DockerImage("airbyte-test/shell-connector", "dev");
  /** The same connector as the image of a built-in one at the tag {@code it}. */
  private static final String BUILT_IN_IMAGE = "airbyte/test-shell-connector:it";
  private static DockerClient docker;

  @TempDir
  Path dir;

  @BeforeAll
  static void buildImage(@TempDir Path context) throws Exception {
    DockerSupport.assumeDocker();
    Files.writeString(context.resolve("connector.sh"), """
        #!/bin/sh
        # a minimal connector: spec; check reads its config; read replays two records, then sleeps if asked
        case "$1" in
          spec) echo '{"type":"SPEC","spec":{"connectionSpecification":{"type":"object","properties":{"k":{"type":"string"}}}}}' ;;
          check) if grep -q '"ok"' "$3"; then s=SUCCEEDED; else s=FAILED; fi
                 echo "{\\"type\\":\\"CONNECTION_STATUS\\",\\"connectionStatus\\":{\\"status\\":\\"$s\\"}}" ;;
          read) echo '{"type":"RECORD","record":{"namespace":"public","stream":"users","emitted_at":1,"data":{"id":1}}}'
                echo '{"type":"STATE","state":{"type":"STREAM","stream":{"stream_descriptor":{"namespace":"public","name":"users"},"stream_state":{"c":1}}}}'
                if grep -q sleep "$3"; then sleep 600; fi ;;
          write) while read -r line; do case "$line" in *'"STATE"'*) echo "$line" ;; esac; done ;;
          *) echo "unknown command $1" >&2; exit 2 ;;
        esac
        """);
    Files.writeString(context.resolve("Dockerfile"), """
        ARG BASE_IMAGE=eclipse-temurin:17-jre
        FROM ${BASE_IMAGE}
        COPY connector.sh /connector.sh
        RUN chmod +x /connector.sh
        ENTRYPOINT ["/connector.sh"]
        """);
    DockerSupport.buildImage(context, IMAGE);
    DockerSupport.buildImage(context, BUILT_IN_IMAGE);
    docker = DockerClients.create(null);
  }

  private DockerProcessFactory factory(String memory) {
    return new DockerProcessFactory(docker, new DockerSettings("host", memory, "0.5", dir, null, Map.of("LOG_LEVEL", "debug")),
        "dev");
  }

  @Test
  void anyProtocolImageAnswersSpecAndCheckWithItsConfigMountedReadOnly() {
    var activities = new ConnectorActivitiesImpl(factory(null), new JobDirectories(dir), Duration.ofMinutes(1), Clock.systemUTC());

    assertThat(activities.spec(RUNTIME).output().getConnectionSpecification())
        .isEqualTo(Jsons.deserialize("{\"type\":\"object\",\"properties\":{\"k\":{\"type\":\"string\"}}}"));
    assertThat(activities.check(ConnectorRole.SOURCE, RUNTIME, Jsons.object().put("k", "ok"))
        .output().getStatus()).hasToString("SUCCEEDED");
    assertThat(activities.check(ConnectorRole.SOURCE, RUNTIME, Jsons.object().put("k", "no"))
        .output().getStatus()).hasToString("FAILED");
  }

  @Test
  void aBuiltInJarRunsAsOurImageOfItAtTheConfiguredTag() {
    var factory = new DockerProcessFactory(docker, new DockerSettings("host", null, null, dir, null, Map.of()), "it");
    var activities = new ConnectorActivitiesImpl(factory, new JobDirectories(dir), Duration.ofMinutes(1), Clock.systemUTC());

    var result = activities.check(ConnectorRole.SOURCE, new BuiltInJar("test-shell-connector"), Jsons.object().put("k", "ok"));

    assertThat(result.output().getStatus()).hasToString("SUCCEEDED");
  }

  @Test
  void containersCarryNameLabelsAndLimitsAndAreGoneAfterCancellation() throws Exception {
    var worker = new ReplicationWorker(factory("256m"), new InMemoryStatePersistence(), ReplicationSettings.defaults(),
        new JobDirectories(dir), Clock.systemUTC());
    var catalog = Messages.catalog(Messages.stream("public", "users", "{\"type\":\"object\"}",
        io.airbyte.protocol.models.DestinationSyncMode.APPEND, List.of("id"), "id", 0, 0));
    DockerImage image = RUNTIME;
    ReplicationRun run = worker.start(new ReplicationInput("conn-docker", "4242", 3, image, Jsons.object().put("mode", "sleep"),
        image, Jsons.object(), catalog, List.of(), null, List.of()));
    while (run.progress().stateMessagesCommitted() < 1) {
      Thread.sleep(100);
    }

    var containers = docker.listContainersCmd().withLabelFilter(Map.of("io.airbyte.job-id", "4242")).exec();
    assertThat(containers).hasSize(2);
    InspectContainerResponse source = containers.stream()
        .filter(c -> "source".equals(c.getLabels().get("io.airbyte.role"))).findFirst()
        .map(c -> docker.inspectContainerCmd(c.getId()).exec()).orElseThrow();
    assertThat(source.getName()).startsWith("/source-read-job-4242-attempt-3-");
    assertThat(source.getConfig().getLabels()).containsEntry("io.airbyte.attempt", "3")
        .containsEntry("io.airbyte.connection-id", "conn-docker").containsEntry("io.airbyte.managed-by", "airbyte-worker");
    assertThat(source.getHostConfig().getMemory()).isEqualTo(256L << 20);
    assertThat(source.getHostConfig().getNanoCPUs()).isEqualTo(500_000_000L);
    assertThat(source.getHostConfig().getNetworkMode()).isEqualTo("host");
    assertThat(source.getConfig().getEnv()).contains("LOG_LEVEL=debug");
    assertThat(source.getMounts()).anySatisfy(m -> {
      assertThat(m.getDestination().getPath()).isEqualTo("/config");
      assertThat(m.getRW()).isFalse();
    });

    run.cancel();
    ReplicationOutput output = run.await();

    assertThat(output.status()).isEqualTo(ReplicationStatus.CANCELLED);
    assertThat(docker.listContainersCmd().withShowAll(true).withLabelFilter(Map.of("io.airbyte.job-id", "4242")).exec()).isEmpty();
  }

  @Test
  void leftoversOfACrashedWorkerAreRemovedAtStartUp() {
    var leftover = DockerSupport.run(List.of("docker", "run", "-d", "--label", "io.airbyte.managed-by=airbyte-worker",
        "--label", "io.airbyte.job-id=crashed", "--entrypoint", "sleep", IMAGE, "600"), null, Duration.ofMinutes(1));
    assertThat(leftover.exitCode()).as(leftover.stderr()).isZero();

    int removed = factory(null).cleanupLeftovers();

    assertThat(removed).isGreaterThanOrEqualTo(1);
    assertThat(docker.listContainersCmd().withShowAll(true).withLabelFilter(Map.of("io.airbyte.job-id", "crashed")).exec()).isEmpty();
  }

  /** Several workers on one Docker host (compose's {@code --scale worker=2}): a worker starting removes only its own leftovers. */
  @Test
  void aWorkerStartingLeavesTheContainersOfAnotherWorkerRunning() {
    String mine = "scaleout-mine-" + java.util.UUID.randomUUID();
    String other = "scaleout-other-" + java.util.UUID.randomUUID();
    for (String owner : List.of(mine, other)) {
      var container = DockerSupport.run(List.of("docker", "run", "-d", "--label", "io.airbyte.managed-by=airbyte-worker",
          "--label", "io.airbyte.worker-owner=" + owner, "--label", "io.airbyte.job-id=" + owner, "--entrypoint", "sleep", IMAGE,
          "600"), null, Duration.ofMinutes(1));
      assertThat(container.exitCode()).as(container.stderr()).isZero();
    }
    try {
      var factory = new DockerProcessFactory(docker, new DockerSettings("host", null, null, dir, null, Map.of()), "dev", mine);

      factory.cleanupLeftovers();

      assertThat(docker.listContainersCmd().withShowAll(true).withLabelFilter(Map.of("io.airbyte.job-id", mine)).exec())
          .as("this worker's leftover").isEmpty();
      assertThat(docker.listContainersCmd().withLabelFilter(Map.of("io.airbyte.job-id", other)).exec())
          .as("the other worker's container, running its sync").hasSize(1);
    } finally {
      docker.listContainersCmd().withShowAll(true).withLabelFilter(Map.of("io.airbyte.worker-owner", other)).exec()
          .forEach(c -> docker.removeContainerCmd(c.getId()).withForce(true).exec());
    }
  }

  @Test
  void anImageThatIsNotThereAndCannotBePulledIsALaunchFailure() {
    var activities = new ConnectorActivitiesImpl(factory(null), new JobDirectories(dir), Duration.ofMinutes(1), Clock.systemUTC());

    var result = activities.spec(new DockerImage("airbyte-test/does-not-exist", "0"));

    assertThat(result.succeeded()).isFalse();
    assertThat(result.failure().externalMessage()).contains("airbyte-test/does-not-exist:0");
  }
}
