package io.airbyte.connectors.source.faker;

import static org.assertj.core.api.Assertions.assertThat;

import io.airbyte.protocol.ProtocolSchema;
import io.airbyte.protocol.json.Jsons;
import io.airbyte.testsupport.docker.DockerSupport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The connector as the platform runs it: the jar as a process, and the image through Docker. */
class SourceFakerProcessIT {

  @Test
  void theJarReadsWithAStateFile(@TempDir Path dir) throws Exception {
    prepare(dir);
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String jar = Path.of("target/source-faker.jar").toAbsolutePath().toString();
    var spec = DockerSupport.run(List.of(java, "-jar", jar, "spec"), null, Duration.ofMinutes(1));
    assertThat(ProtocolSchema.validate("AirbyteMessage", Jsons.deserialize(spec.stdout().strip()))).isEmpty();
    var read = DockerSupport.run(List.of(java, "-jar", jar, "read", "--config", dir.resolve("config.json").toString(),
        "--catalog", dir.resolve("catalog.json").toString(), "--state", dir.resolve("state.json").toString()),
        null, Duration.ofMinutes(2));
    assertThat(read.exitCode()).as(read.stderr()).isZero();
    List<String> lines = read.stdout().lines().toList();
    lines.forEach(l -> assertThat(ProtocolSchema.validate("AirbyteMessage", Jsons.deserialize(l))).as(l).isEmpty());
    assertThat(lines.stream().filter(l -> l.contains("\"type\":\"RECORD\"")).count()).isEqualTo(10_000 - 2_000);
  }

  @Test
  void theImageSpecsDiscoversAndReads(@TempDir Path dir) throws Exception {
    DockerSupport.assumeDocker();
    DockerSupport.buildImage(Path.of("."), "airbyte/source-faker:dev");
    prepare(dir);
    List<String> docker = List.of("docker", "run", "--rm", "-i", "--init", "-v", dir.toAbsolutePath() + ":/files:ro",
        "airbyte/source-faker:dev");
    var discover = DockerSupport.run(concat(docker, "discover", "--config", "/files/config.json"), null, Duration.ofMinutes(1));
    assertThat(discover.stdout()).contains("\"name\":\"purchases\"");
    var read = DockerSupport.run(concat(docker, "read", "--config", "/files/config.json", "--catalog", "/files/catalog.json"),
        null, Duration.ofMinutes(2));
    assertThat(read.exitCode()).as(read.stderr()).isZero();
    assertThat(read.stdout().lines().filter(l -> l.contains("\"type\":\"RECORD\"")).count()).isEqualTo(10_000);
  }

  private static void prepare(Path dir) throws Exception {
    Files.writeString(dir.resolve("config.json"), "{\"count\": 10000, \"seed\": 1, \"records_per_slice\": 1000}");
    var users = new FakerSource().discover(Jsons.object()).getStreams().get(0);
    var catalog = Jsons.object();
    var stream = catalog.putArray("streams").addObject();
    stream.set("stream", Jsons.toTree(users));
    stream.put("sync_mode", "incremental").put("destination_sync_mode", "append_dedup");
    stream.putArray("cursor_field").add("updated_at");
    Files.writeString(dir.resolve("catalog.json"), Jsons.serialize(catalog));
    Files.writeString(dir.resolve("state.json"), "[{\"type\":\"STREAM\",\"stream\":{\"stream_descriptor\":{\"name\":\"users\"},"
        + "\"stream_state\":{\"seed\":1,\"updated_at\":\"2024-01-01T00:00:00Z\",\"loop_offset\":2000}}}]");
  }

  private static List<String> concat(List<String> head, String... tail) {
    List<String> all = new ArrayList<>(head);
    all.addAll(List.of(tail));
    return all;
  }
}
