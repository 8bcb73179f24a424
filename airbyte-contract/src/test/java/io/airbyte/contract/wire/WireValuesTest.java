package io.airbyte.contract.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.airbyte.contract.connection.NamespaceDefinition;
import io.airbyte.contract.failure.AttemptFailure;
import io.airbyte.contract.failure.FailureOrigin;
import io.airbyte.contract.failure.FailureType;
import io.airbyte.contract.job.AttemptStatus;
import io.airbyte.contract.job.JobStatus;
import io.airbyte.contract.job.JobType;
import io.airbyte.contract.stats.StreamStatistics;
import io.airbyte.contract.sync.AttemptResult;
import io.airbyte.protocol.json.Jsons;
import io.temporal.common.converter.DataConverter;
import io.temporal.common.converter.DefaultDataConverter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The contract's enums keep Airbyte's values: what the API shows, the database stores and Temporal
 * carries, whichever JSON mapper writes them, and each value reads back as its constant.
 */
class WireValuesTest {

  private static final DataConverter TEMPORAL = DefaultDataConverter.newDefaultInstance();

  private static <E extends Enum<E>> void wire(Class<E> type, Function<E, String> value, Function<String, E> of, String... expected) {
    E[] constants = type.getEnumConstants();
    assertThat(Arrays.stream(constants).map(value).toList()).as(type.getSimpleName()).containsExactly(expected);
    for (E constant : constants) {
      String json = "\"" + value.apply(constant) + "\"";
      assertThat(Jsons.serialize(constant)).isEqualTo(json);
      assertThat(TEMPORAL.toPayload(constant).orElseThrow().getData().toString(StandardCharsets.UTF_8)).isEqualTo(json);
      assertThat(TEMPORAL.fromPayload(TEMPORAL.toPayload(constant).orElseThrow(), type, type)).isEqualTo(constant);
      assertThat(Jsons.deserialize(json, type)).isEqualTo(constant);
      assertThat(of.apply(value.apply(constant))).isEqualTo(constant);
      assertThat(of.apply(value.apply(constant).toUpperCase(java.util.Locale.ROOT))).isEqualTo(constant);
    }
    assertThatThrownBy(() -> of.apply("nonsense")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void jobTypes() {
    wire(JobType.class, JobType::value, JobType::of, "sync", "reset", "refresh", "clear");
    assertThat(Arrays.stream(JobType.values()).filter(JobType::clears)).containsExactly(JobType.RESET, JobType.CLEAR);
  }

  @Test
  void jobStatuses() {
    wire(JobStatus.class, JobStatus::value, JobStatus::of, "pending", "running", "incomplete", "failed", "succeeded", "cancelled");
  }

  @Test
  void attemptStatuses() {
    wire(AttemptStatus.class, AttemptStatus::value, AttemptStatus::of, "running", "failed", "succeeded", "cancelled");
  }

  @Test
  void failureOriginsAndTypes() {
    wire(FailureOrigin.class, FailureOrigin::value, FailureOrigin::of, "source", "destination", "replication", "airbyte_platform");
    wire(FailureType.class, FailureType::value, FailureType::of, "config_error", "system_error", "transient_error",
        "heartbeat_timeout", "manual_cancellation");
  }

  @Test
  void namespaceDefinitions() {
    wire(NamespaceDefinition.class, NamespaceDefinition::value, NamespaceDefinition::of, "source", "destination", "customformat");
  }

  @Test
  void anAttemptResultIsAirbytesNamesThroughTemporal() {
    AttemptResult result = new AttemptResult(AttemptStatus.FAILED, List.of(new AttemptFailure(FailureOrigin.PLATFORM,
        FailureType.SYSTEM_ERROR, true, "boom", null, null, 5)), true, 10, 100,
        List.of(new StreamStatistics("public", "users", 10, 100, 10, 100, 20L, null)), "/logs/1");
    String json = TEMPORAL.toPayload(result).orElseThrow().getData().toString(StandardCharsets.UTF_8);
    assertThat(json).contains("\"status\":\"failed\"", "\"failureOrigin\":\"airbyte_platform\"", "\"failureType\":\"system_error\"",
        "\"streamNamespace\":\"public\"", "\"streamName\":\"users\"", "\"estimatedRecords\":20");
    assertThat(TEMPORAL.fromPayload(TEMPORAL.toPayload(result).orElseThrow(), AttemptResult.class, AttemptResult.class))
        .isEqualTo(result);
  }
}
