package io.airbyte.worker.process;

import io.airbyte.contract.connector.ConnectorRuntime.BuiltInJar;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Built-in jars for tests: each name runs a command of the test's (a sh script, a Java class) where
 * the real {@link LocalConnectorJars} would run {@code java -jar}.
 */
public final class FakeJars implements JarCommands {

  private final Map<String, List<String>> commands = new ConcurrentHashMap<>();
  private final AtomicInteger next = new AtomicInteger();

  /** A connector whose body is a sh script; its arguments are $0 (the command), $1, $2 … */
  public BuiltInJar script(String body) {
    return command(List.of("sh", "-c", body));
  }

  /** A connector run by {@code command} and the connector's arguments, under a name of its own. */
  public BuiltInJar command(List<String> command) {
    return command("fake-" + next.incrementAndGet(), command);
  }

  /** The built-in jar {@code name}, run by {@code command}. */
  public BuiltInJar command(String name, List<String> command) {
    commands.put(name, List.copyOf(command));
    return new BuiltInJar(name);
  }

  @Override
  public List<String> commandFor(BuiltInJar jar) {
    return commands.getOrDefault(jar.name(), List.of());
  }
}
