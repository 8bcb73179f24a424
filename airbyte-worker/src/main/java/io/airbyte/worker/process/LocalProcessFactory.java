package io.airbyte.worker.process;

import io.airbyte.contract.connector.ConnectorRuntime.BuiltInJar;
import io.airbyte.contract.connector.ConnectorRuntime.DeclarativeManifest;
import io.airbyte.contract.connector.ConnectorRuntime.DockerImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs connectors as child processes of the worker, for machines without Docker: a built-in jar by
 * the command its {@link JarCommands} give, a Python package by its console script in the virtual
 * environment {@link PythonEnvironments} makes for it (installed on its first use, the install's
 * lines in the request's progress), plus the arguments, files by their absolute paths, in the job
 * directory. A declarative manifest runs as {@code airbyte-cdk}'s {@code source-declarative-manifest},
 * in the environment of its CDK version (its config carries the manifest, {@link ConnectorConfigs}).
 * Environment variables from the configuration are added (e.g. JAVA_OPTS). A Docker image
 * has no local command: it is refused with a launch failure that says so.
 */
public final class LocalProcessFactory implements ProcessFactory {

  private static final Logger LOG = LoggerFactory.getLogger(LocalProcessFactory.class);

  private final JarCommands jars;
  private final PythonEnvironments pythons;
  private final Map<String, String> environment;

  public LocalProcessFactory(JarCommands jars, PythonEnvironments pythons, Map<String, String> environment) {
    this.jars = jars;
    this.pythons = pythons;
    this.environment = Map.copyOf(environment);
  }

  /** Python connectors' environments where this process's environment says ({@link PythonConfig}). */
  public LocalProcessFactory(JarCommands jars, Map<String, String> environment) {
    this(jars, PythonEnvironments.of(PythonConfig.fromEnvironment(System.getenv())), environment);
  }

  public LocalProcessFactory(JarCommands jars) {
    this(jars, Map.of());
  }

  @Override
  public ConnectorProcess create(LaunchRequest request) throws ConnectorLaunchException {
    List<String> command = new ArrayList<>(request.runtime().match(LocalProcessFactory::refuse, this::jarCommand,
        python -> pythons.commandFor(python, request.progress()),
        manifest -> pythons.commandFor(manifest.cdk(), DeclarativeManifest.SCRIPT, request.progress())));
    command.addAll(request.argsWithPaths(file -> request.jobDirectory().resolve(file).toAbsolutePath().toString()));
    ProcessBuilder builder = new ProcessBuilder(command).directory(request.jobDirectory().toFile());
    builder.environment().putAll(environment);
    String name = ProcessNames.of(request);
    LOG.info("Starting {} as a local process: {}", name, command);
    try {
      return new ChildProcess(name, builder.start(), () -> { });
    } catch (IOException e) {
      throw new ConnectorLaunchException("Cannot start " + command.get(0) + " for " + request.runtime().describe()
          + ": " + e.getMessage(), e);
    }
  }

  private static List<String> refuse(DockerImage image) throws ConnectorLaunchException {
    throw new ConnectorLaunchException("Connector " + image.reference()
        + " has no local command; it can only run in Docker (set the worker's process factory to docker)");
  }

  private List<String> jarCommand(BuiltInJar jar) throws ConnectorLaunchException {
    List<String> command = jars.commandFor(jar);
    if (command.isEmpty()) {
      throw new ConnectorLaunchException("Connector " + jar.describe() + " has no " + jar.name()
          + ".jar on this machine (AIRBYTE_LOCAL_CONNECTORS_DIR says where the connector jars are)");
    }
    return command;
  }
}
