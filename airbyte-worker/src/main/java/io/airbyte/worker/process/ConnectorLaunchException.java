package io.airbyte.worker.process;

/** A connector could not be started: unknown image, no local command, no Docker daemon, … */
public class ConnectorLaunchException extends Exception {

  public ConnectorLaunchException(String message) {
    super(message);
  }

  public ConnectorLaunchException(String message, Throwable cause) {
    super(message, cause);
  }
}
