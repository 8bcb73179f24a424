package io.airbyte.worker.connector;

import io.airbyte.worker.failure.FailureReason;
import java.nio.file.Path;

/**
 * What a spec, check or discover gave: its output (the SPEC, CONNECTION_STATUS or CATALOG payload),
 * or why it could not be obtained, and where its log is. A connector that answered and traced an
 * error as well gives both: a check whose FAILED status came with a transient or system error (the
 * database was down) is a failed job that {@link #answered()}.
 */
public record ConnectorJobResult<T>(T output, FailureReason failure, Path logPath) {

  public boolean succeeded() {
    return failure == null;
  }

  /** Whether the connector gave its output, failed or not. */
  public boolean answered() {
    return output != null;
  }
}
