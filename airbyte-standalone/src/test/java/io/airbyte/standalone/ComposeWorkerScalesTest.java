package io.airbyte.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * {@code docker compose up --scale worker=N} works with docker-compose.yml: the worker service has nothing that
 * only one container can hold (a container name, a host port, a host name, a worker id), and the scheduler passes
 * on the timeout after which a lost worker's attempt is retried on another.
 */
class ComposeWorkerScalesTest {

  @Test
  @SuppressWarnings("unchecked")
  void theWorkerServiceCanBeScaled() throws Exception {
    Map<String, Object> compose = new Yaml().load(Files.readString(Path.of("..", "docker-compose.yml")));
    Map<String, Object> services = (Map<String, Object>) compose.get("services");
    Map<String, Object> worker = (Map<String, Object>) services.get("worker");

    assertThat(worker).as("the worker service").doesNotContainKeys("container_name", "ports", "hostname");
    assertThat((Map<String, Object>) worker.get("environment")).as("the worker's environment")
        .doesNotContainKey("AIRBYTE_WORKER_ID");
    Map<String, Object> scheduler = (Map<String, Object>) services.get("scheduler");
    assertThat((Map<String, Object>) scheduler.get("environment")).containsKey("AIRBYTE_WORKER_HEARTBEAT_TIMEOUT_SECONDS");
  }
}
