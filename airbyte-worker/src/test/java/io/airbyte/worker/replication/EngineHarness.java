package io.airbyte.worker.replication;

import com.fasterxml.jackson.databind.JsonNode;
import io.airbyte.contract.connector.ConnectorRuntime;
import io.airbyte.protocol.json.Jsons;
import io.airbyte.protocol.models.AirbyteStateMessage;
import io.airbyte.protocol.models.ConfiguredAirbyteCatalog;
import io.airbyte.protocol.models.DestinationSyncMode;
import io.airbyte.protocol.testing.Messages;
import io.airbyte.worker.process.FakeJars;
import io.airbyte.worker.process.JobDirectories;
import io.airbyte.worker.process.LocalProcessFactory;
import io.airbyte.worker.state.InMemoryStatePersistence;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * The engine against fake connectors: a source that replays a JSON-lines fixture through {@code sh}
 * (then exits with a code, or hangs), and {@link FakeDestination} as a Java child process.
 */
final class EngineHarness {

  static final String SCHEMA = "{\"type\":\"object\",\"properties\":{\"id\":{\"type\":\"integer\"},"
      + "\"name\":{\"type\":\"string\"},\"secret\":{\"type\":\"string\"}}}";

  /** The fake connectors of every harness, by their names. */
  static final FakeJars JARS = new FakeJars();

  final Path dir;
  final InMemoryStatePersistence persistence = new InMemoryStatePersistence();
  ReplicationSettings settings = ReplicationSettings.defaults();
  ConfiguredAirbyteCatalog catalog = Messages.catalog(
      Messages.stream("public", "users", SCHEMA, DestinationSyncMode.APPEND, List.of("id"), "id", 1, 0),
      Messages.stream("public", "orders", SCHEMA, DestinationSyncMode.APPEND, List.of("id"), "id", 1, 0));
  List<FieldSelection> fields = List.of();
  NamespaceMapping namespaces = NamespaceMapping.identity();
  List<AirbyteStateMessage> inputState = List.of();
  /** Whether the connectors are told to send records as typed rows. */
  boolean typedRows;
  final com.fasterxml.jackson.databind.node.ObjectNode destinationConfig = Jsons.object();

  EngineHarness(Path dir) {
    this.dir = dir;
    destinationConfig.put("output", dir.resolve("destination-input.jsonl").toString());
    destinationConfig.put("pid_file", dir.resolve("destination.pid").toString());
  }

  /** A source printing {@code fixture}, then running {@code after} (e.g. {@code exit 3}, {@code sleep 600}). */
  ConnectorRuntime source(String fixture, String after) {
    Path file = dir.resolve("source-" + System.nanoTime() + ".jsonl");
    try {
      Files.writeString(file, fixture);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return JARS.script("echo $$ > '" + dir.resolve("source.pid") + "'; cat '" + file + "'; " + after);
  }

  static ConnectorRuntime destination() {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return JARS.command("fake-destination", List.of(java, "-XX:TieredStopAtLevel=1", "-cp",
        System.getProperty("java.class.path"), FakeDestination.class.getName()));
  }

  ReplicationInput input(ConnectorRuntime source, int attempt) {
    return new ReplicationInput("connection-1", "7", attempt, source, Jsons.object(), destination(), destinationConfig,
        catalog, fields, namespaces, inputState, typedRows);
  }

  ReplicationRun start(ConnectorRuntime source) {
    return worker().start(input(source, 0));
  }

  ReplicationOutput run(ConnectorRuntime source) throws InterruptedException {
    return start(source).await();
  }

  ReplicationWorker worker() {
    return new ReplicationWorker(new LocalProcessFactory(JARS), persistence, settings, new JobDirectories(dir.resolve("workspace")),
        Clock.systemUTC());
  }

  List<JsonNode> destinationInput() throws IOException {
    return Files.readAllLines(dir.resolve("destination-input.jsonl")).stream().map(Jsons::deserialize).toList();
  }

  /** The lines the destination received, as they came. */
  List<String> destinationLines() throws IOException {
    return Files.readAllLines(dir.resolve("destination-input.jsonl"));
  }

  String log(ReplicationOutput output) throws IOException {
    return Files.readString(output.logPath());
  }

  long pid(String role) throws IOException {
    return Long.parseLong(Files.readString(dir.resolve(role + ".pid")).trim());
  }

  static boolean alive(long pid) {
    return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
  }

  static Messages records(Messages m, String stream, int from, int to) {
    for (int i = from; i <= to; i++) {
      m.record("public", stream, "{\"id\":" + i + ",\"name\":\"n" + i + "\",\"secret\":\"s" + i + "\"}");
    }
    return m;
  }

  EngineHarness heartbeat(Duration timeout) {
    settings = settings.withHeartbeatTimeout(timeout);
    return this;
  }
}
