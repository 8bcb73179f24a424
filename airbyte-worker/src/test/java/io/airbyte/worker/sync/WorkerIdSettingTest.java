package io.airbyte.worker.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.airbyte.db.settings.InvalidSettingException;
import io.airbyte.scheduler.SchedulerConfig;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The worker's id and the scheduler's worker heartbeat timeout, as the environment sets them. */
class WorkerIdSettingTest {

  @Test
  void aConfiguredWorkerIdIsTheIdAndTheOwnerOfItsContainers() {
    WorkerConfig config = WorkerConfig.fromEnvironment(Map.of("AIRBYTE_WORKER_ID", " worker-7 "));

    assertThat(config.workerId()).isEqualTo("worker-7");
    assertThat(config.containerOwner()).isEqualTo("worker-7");
  }

  @Test
  void unsetTheIdIsTheHostNameAndPidAndTheOwnerTheHostName() {
    WorkerConfig config = WorkerConfig.fromEnvironment(Map.of());

    assertThat(config.workerId()).endsWith("-" + ProcessHandle.current().pid()).startsWith(config.containerOwner());
    assertThat(config.containerOwner()).matches("[A-Za-z0-9._-]+");
  }

  @Test
  void aWorkerIdWithSpacesIsRefusedNamingTheVariable() {
    assertThatThrownBy(() -> WorkerConfig.fromEnvironment(Map.of("AIRBYTE_WORKER_ID", "my worker")))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessageContaining("AIRBYTE_WORKER_ID: 'my worker' is not a worker id");
  }

  @Test
  void theWorkerHeartbeatTimeoutIsConfigurableAndAtLeastOneSecond() {
    assertThat(SchedulerConfig.fromEnvironment(Map.of()).workerHeartbeatTimeout()).isEqualTo(Duration.ofMinutes(5));
    assertThat(SchedulerConfig.fromEnvironment(Map.of("AIRBYTE_WORKER_HEARTBEAT_TIMEOUT_SECONDS", "12"))
        .workerHeartbeatTimeout()).isEqualTo(Duration.ofSeconds(12));
    assertThatThrownBy(() -> SchedulerConfig.fromEnvironment(Map.of("AIRBYTE_WORKER_HEARTBEAT_TIMEOUT_SECONDS", "0")))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessageContaining("AIRBYTE_WORKER_HEARTBEAT_TIMEOUT_SECONDS: '0' is not a whole number of at least 1");
  }
}
