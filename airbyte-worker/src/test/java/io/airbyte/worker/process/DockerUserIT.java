package io.airbyte.worker.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import io.airbyte.contract.connector.ConnectorRuntime.DockerImage;
import io.airbyte.protocol.json.Jsons;
import io.airbyte.testsupport.docker.DockerSupport;
import io.airbyte.worker.connector.ConnectorActivitiesImpl;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Connectors in containers read their {@code rw-------} job files in {@code rwx------} directories:
 * an image running as root reads them whoever owns them, an image declaring another user (as
 * Airbyte's run as {@code airbyte}) runs as the job directory's owner.
 */
@Timeout(300)
class DockerUserIT {

  private static final String ROOT_IMAGE = "airbyte-test/root-reader:dev";
  private static final String NON_ROOT_IMAGE = "airbyte-test/non-root-reader:dev";
  private static DockerClient docker;

  @TempDir
  Path dir;

  @BeforeAll
  static void buildImages(@TempDir Path context) throws Exception {
    DockerSupport.assumeDocker();
    // check: the uid it runs as and whether it could read the config
    Files.writeString(context.resolve("connector.sh"), """
        #!/bin/sh
        if grep -q '"ok"' "$3"; then read=yes; else read=no; fi
        echo "{\\"type\\":\\"CONNECTION_STATUS\\",\\"connectionStatus\\":{\\"status\\":\\"SUCCEEDED\\",\\"message\\":\\"uid $(id -u) read $read\\"}}"
        """);
    String dockerfile = """
        ARG BASE_IMAGE=eclipse-temurin:17-jre
        FROM ${BASE_IMAGE}
        COPY connector.sh /connector.sh
        RUN chmod 755 /connector.sh
        ENTRYPOINT ["/connector.sh"]
        """;
    Files.writeString(context.resolve("Dockerfile"), dockerfile);
    DockerSupport.buildImage(context, ROOT_IMAGE);
    Files.writeString(context.resolve("Dockerfile"), dockerfile + "USER 4321:4321\n");
    DockerSupport.buildImage(context, NON_ROOT_IMAGE);
    docker = DockerClients.create(null);
  }

  private DockerProcessFactory factory() {
    return new DockerProcessFactory(docker, new DockerSettings(null, null, null, dir, null, Map.of()), "dev");
  }

  @Test
  void anImageOfAnotherUserRunsAsTheJobDirectorysOwnerAndReadsItsConfig() throws Exception {
    var activities = new ConnectorActivitiesImpl(factory(), new JobDirectories(dir), Duration.ofMinutes(1), Clock.systemUTC());

    var result = activities.check(ConnectorRole.SOURCE, new DockerImage("airbyte-test/non-root-reader", "dev"), Jsons.object().put("k", "ok"));

    Object owner = Files.getAttribute(dir, "unix:uid");
    assertThat(result.output().getMessage()).as(Files.readString(result.logPath())).isEqualTo("uid " + owner + " read yes");
    try (Stream<Path> left = Files.list(result.logPath().getParent())) {
      assertThat(left.map(p -> p.getFileName().toString())).containsExactly("logs.log");
    }
  }

  @Test
  void anImageRunningAsRootReadsOwnerOnlyFilesOfAnotherUser() throws Exception {
    // a job directory as a worker running as uid 4321 makes it
    Path job = Files.createDirectory(dir.resolve("job"), PosixFilePermissions.asFileAttribute(
        PosixFilePermissions.fromString("rwx------")));
    JobDirectories.writeJson(job, "connector_config.json", Jsons.object().put("k", "ok"));
    for (Path p : List.of(job.resolve("connector_config.json"), job)) {
      Files.setAttribute(p, "unix:uid", 4321);
      Files.setAttribute(p, "unix:gid", 4321);
    }

    ConnectorProcess process = factory().create(new LaunchRequest("job", 0, ConnectorRole.SOURCE,
        new DockerImage("airbyte-test/root-reader", "dev"), job, List.of("connector_config.json"),
        List.of("check", "--config", "connector_config.json"), Map.of()));
    process.stdin().close();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    process.stdout().transferTo(out);

    assertThat(process.waitFor(Duration.ofMinutes(1))).isTrue();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("uid 0 read yes");
  }
}
