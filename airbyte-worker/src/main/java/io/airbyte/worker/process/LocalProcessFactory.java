package io.airbyte.worker.process;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs connectors as child processes of the worker, for machines without Docker: the connector's
 * {@link ConnectorDefinition#localCommand()} plus the arguments, files by their absolute paths, in
 * the job directory. Environment variables from the configuration are added (e.g. JAVA_OPTS).
 */
public final class LocalProcessFactory implements ProcessFactory {

  private static final Logger LOG = LoggerFactory.getLogger(LocalProcessFactory.class);

  private final Map<String, String> environment;

  public LocalProcessFactory(Map<String, String> environment) {
    this.environment = Map.copyOf(environment);
  }

  public LocalProcessFactory() {
    this(Map.of());
  }

  @Override
  public ConnectorProcess create(LaunchRequest request) throws ConnectorLaunchException {
    List<String> base = request.connector().localCommand();
    if (base.isEmpty()) {
      throw new ConnectorLaunchException("Connector " + request.connector().image()
          + " has no local command; it can only run in Docker (set the worker's process factory to docker)");
    }
    List<String> command = new ArrayList<>(base);
    command.addAll(request.argsWithPaths(file -> request.jobDirectory().resolve(file).toAbsolutePath().toString()));
    ProcessBuilder builder = new ProcessBuilder(command).directory(request.jobDirectory().toFile());
    builder.environment().putAll(environment);
    String name = ProcessNames.of(request);
    LOG.info("Starting {} as a local process: {}", name, command);
    try {
      return new ChildProcess(name, builder.start(), () -> { });
    } catch (IOException e) {
      throw new ConnectorLaunchException("Cannot start " + command.get(0) + " for " + request.connector().image()
          + ": " + e.getMessage(), e);
    }
  }
}
