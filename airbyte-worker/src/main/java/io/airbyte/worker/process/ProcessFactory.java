package io.airbyte.worker.process;

/**
 * Starts connectors. Two implementations share one contract ({@link LaunchRequest}): {@link
 * DockerProcessFactory} runs images in containers, {@link LocalProcessFactory} runs the same
 * connectors as child processes.
 */
public interface ProcessFactory {

  /** Starts the connector; its stdio is the returned process's. */
  ConnectorProcess create(LaunchRequest request) throws ConnectorLaunchException;

  /**
   * Removes what earlier runs of this worker left behind (containers of a crashed worker); called
   * at start-up. Returns how many were removed.
   */
  default int cleanupLeftovers() {
    return 0;
  }
}
