package io.airbyte.worker.connector;

import io.airbyte.worker.failure.FailureReason;
import java.nio.file.Path;

/**
 * What a spec, check or discover gave: its output (the SPEC, CONNECTION_STATUS or CATALOG payload),
 * or why it could not be obtained, and where its log is.
 */
public record ConnectorJobResult<T>(T output, FailureReason failure, Path logPath) {

  public boolean succeeded() {
    return failure == null;
  }
}
