package io.airbyte.worker.sync;

import io.airbyte.contract.failure.AttemptFailure;
import io.airbyte.contract.failure.FailureOrigin;
import io.airbyte.contract.failure.FailureType;
import io.airbyte.contract.sync.CheckResult;
import io.airbyte.protocol.models.AirbyteConnectionStatus;
import io.airbyte.worker.connector.ConnectorJobResult;
import io.airbyte.worker.failure.FailureReason;

/**
 * What the check of one side before an attempt means for the attempt; decided here only.
 *
 * <ul>
 *   <li>SUCCEEDED: the attempt goes on.
 *   <li>FAILED alone (or with a config error trace): a config error of that side, not retried: the
 *       config has to change first.
 *   <li>FAILED with the transient or system error the connector traced (the database refused the
 *       connection, a timeout): a retryable failure of that side and type, so the connection's retry
 *       policy applies as it does to a crash during the sync, and the attempt counts toward its limits.
 *   <li>No answer (the connector crashed, hung, could not start): that failure as it is.
 * </ul>
 */
final class PreSyncCheck {

  private PreSyncCheck() {}

  static CheckResult classify(FailureOrigin side, ConnectorJobResult<AirbyteConnectionStatus> result) {
    if (!result.succeeded()) {
      FailureReason failure = result.failure();
      if (!result.answered()) {
        return new CheckResult(false, failure.externalMessage(), SyncActivitiesImpl.failure(failure));
      }
      String message = message(result.output(), failure.externalMessage());
      return new CheckResult(false, message, new AttemptFailure(side, failure.failureType(), failure.retryable(),
          failed(side, message), failure.internalMessage(), failure.stacktrace(), failure.timestamp()));
    }
    AirbyteConnectionStatus status = result.output();
    if (status.getStatus() == AirbyteConnectionStatus.Status.SUCCEEDED) {
      return new CheckResult(true, status.getMessage(), null);
    }
    String message = message(status, "no message");
    return new CheckResult(false, status.getMessage(),
        SyncActivitiesImpl.failure(FailureReason.of(side, FailureType.CONFIG_ERROR, failed(side, message), null)));
  }

  private static String message(AirbyteConnectionStatus status, String otherwise) {
    return status.getMessage() == null || status.getMessage().isBlank() ? otherwise : status.getMessage();
  }

  private static String failed(FailureOrigin side, String message) {
    return "Checking the " + side.value() + " failed: " + message;
  }
}
