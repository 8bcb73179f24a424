package io.airbyte.worker.process;

/**
 * Starts connectors: each launches a {@link io.airbyte.contract.connector.ConnectorRuntime}. Two
 * implementations share one contract ({@link LaunchRequest}): {@link DockerProcessFactory} runs
 * images in containers (a built-in jar as our image of it), {@link LocalProcessFactory} runs the
 * built-in jars and Python packages as child processes.
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
