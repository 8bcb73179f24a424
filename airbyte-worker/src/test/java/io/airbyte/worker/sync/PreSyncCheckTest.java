package io.airbyte.worker.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.airbyte.contract.failure.FailureOrigin;
import io.airbyte.contract.failure.FailureType;
import io.airbyte.contract.sync.CheckResult;
import io.airbyte.protocol.models.AirbyteConnectionStatus;
import io.airbyte.protocol.models.AirbyteConnectionStatus.Status;
import io.airbyte.protocol.models.AirbyteErrorTraceMessage;
import io.airbyte.worker.connector.ConnectorJobResult;
import io.airbyte.worker.failure.FailureReason;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class PreSyncCheckTest {

  private static final Path LOG = Path.of("logs.log");
  private static final String REFUSED = "Connection to the database failed: Connection to localhost:5432 refused.";

  @Test
  void aSucceededCheckLetsTheAttemptGoOn() {
    CheckResult check = PreSyncCheck.classify(FailureOrigin.DESTINATION, answered(Status.SUCCEEDED, null, null));

    assertThat(check.succeeded()).isTrue();
    assertThat(check.failure()).isNull();
  }

  @Test
  void aPlainFailedCheckIsAConfigErrorOfThatSideNotRetried() {
    CheckResult check = PreSyncCheck.classify(FailureOrigin.DESTINATION,
        answered(Status.FAILED, "Authentication failed: password authentication failed for user \"bob\"", null));

    assertThat(check.succeeded()).isFalse();
    assertThat(check.message()).isEqualTo("Authentication failed: password authentication failed for user \"bob\"");
    assertThat(check.failure().failureOrigin()).isEqualTo(FailureOrigin.DESTINATION);
    assertThat(check.failure().failureType()).isEqualTo(FailureType.CONFIG_ERROR);
    assertThat(check.failure().retryable()).isFalse();
    assertThat(check.failure().externalMessage())
        .isEqualTo("Checking the destination failed: Authentication failed: password authentication failed for user \"bob\"");
  }

  @Test
  void aFailedCheckWithATransientTraceIsARetryableTransientErrorOfThatSide() {
    FailureReason traced = trace(FailureOrigin.DESTINATION, AirbyteErrorTraceMessage.FailureType.TRANSIENT_ERROR);

    CheckResult check = PreSyncCheck.classify(FailureOrigin.DESTINATION, answered(Status.FAILED, REFUSED, traced));

    assertThat(check.succeeded()).isFalse();
    assertThat(check.message()).isEqualTo(REFUSED);
    assertThat(check.failure().failureOrigin()).isEqualTo(FailureOrigin.DESTINATION);
    assertThat(check.failure().failureType()).isEqualTo(FailureType.TRANSIENT_ERROR);
    assertThat(check.failure().retryable()).isTrue();
    assertThat(check.failure().externalMessage()).isEqualTo("Checking the destination failed: " + REFUSED);
    assertThat(check.failure().internalMessage()).contains("PSQLException");
    assertThat(check.failure().timestamp()).isEqualTo(1_700_000_000_000L);
  }

  @Test
  void aFailedCheckWithASystemTraceIsARetryableSystemErrorOfThatSide() {
    FailureReason traced = trace(FailureOrigin.SOURCE, AirbyteErrorTraceMessage.FailureType.SYSTEM_ERROR);

    CheckResult check = PreSyncCheck.classify(FailureOrigin.SOURCE, answered(Status.FAILED, "unexpected column type", traced));

    assertThat(check.failure().failureOrigin()).isEqualTo(FailureOrigin.SOURCE);
    assertThat(check.failure().failureType()).isEqualTo(FailureType.SYSTEM_ERROR);
    assertThat(check.failure().retryable()).isTrue();
  }

  @Test
  void aCheckThatGaveNoAnswerKeepsItsFailure() {
    FailureReason crash = FailureReason.of(FailureOrigin.DESTINATION, FailureType.SYSTEM_ERROR,
        "The destination connector failed (exit code 1)", "Exception in thread main");

    CheckResult check = PreSyncCheck.classify(FailureOrigin.DESTINATION, new ConnectorJobResult<>(null, crash, LOG));

    assertThat(check.message()).isEqualTo("The destination connector failed (exit code 1)");
    assertThat(check.failure().failureType()).isEqualTo(FailureType.SYSTEM_ERROR);
    assertThat(check.failure().externalMessage()).isEqualTo("The destination connector failed (exit code 1)");
    assertThat(check.failure().retryable()).isTrue();
  }

  private static ConnectorJobResult<AirbyteConnectionStatus> answered(Status status, String message, FailureReason traced) {
    return new ConnectorJobResult<>(new AirbyteConnectionStatus().withStatus(status).withMessage(message), traced, LOG);
  }

  private static FailureReason trace(FailureOrigin origin, AirbyteErrorTraceMessage.FailureType type) {
    return FailureReason.fromTrace(origin, new AirbyteErrorTraceMessage().withFailureType(type).withMessage(REFUSED)
        .withInternalMessage("org.postgresql.util.PSQLException: Connection to localhost:5432 refused."), 1_700_000_000_000d);
  }
}
