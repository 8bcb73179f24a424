package io.airbyte.worker.process;

import io.airbyte.contract.connector.ConnectorRuntime.BuiltInJar;
import java.util.List;

/**
 * Where {@link LocalProcessFactory} finds the built-in connectors: the command line that runs one as
 * a local process, the connector's arguments following it. {@link LocalConnectorJars} is the real
 * one; tests put scripts in place of jars.
 */
@FunctionalInterface
public interface JarCommands {

  /** The command that runs {@code jar}; empty when this machine has no such jar. */
  List<String> commandFor(BuiltInJar jar);
}
