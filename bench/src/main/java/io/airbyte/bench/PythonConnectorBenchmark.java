package io.airbyte.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.airbyte.contract.connection.NamespaceDefinition;
import io.airbyte.contract.connector.ConnectorRuntime.BuiltInJar;
import io.airbyte.contract.connector.ConnectorRuntime.PythonPackage;
import io.airbyte.protocol.json.Jsons;
import io.airbyte.protocol.models.ConfiguredAirbyteCatalog;
import io.airbyte.testsupport.python.PythonPins;
import io.airbyte.testsupport.python.PythonVenvs;
import io.airbyte.worker.process.JobDirectories;
import io.airbyte.worker.process.LocalConnectorJars;
import io.airbyte.worker.process.LocalProcessFactory;
import io.airbyte.worker.process.PythonEnvironments;
import io.airbyte.worker.replication.NamespaceMapping;
import io.airbyte.worker.replication.ReplicationInput;
import io.airbyte.worker.replication.ReplicationOutput;
import io.airbyte.worker.replication.ReplicationSettings;
import io.airbyte.worker.replication.ReplicationStatus;
import io.airbyte.worker.replication.ReplicationWorker;
import io.airbyte.worker.state.FileStatePersistence;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * Airbyte's source-faker (a Python package from PyPI, at its pinned version) → our destination-duckdb
 * through the replication engine with the local process factory, as the platform runs a
 * {@code python_package} definition. The environments are the tests' ({@link PythonPins#CACHE}), so a
 * machine that ran the tests installs nothing.
 * <ul>
 *   <li>{@code PythonConnectorBenchmark install}: makes the environments (source-faker's, the worker's way,
 *   and PyAirbyte's) and prints {@code faker=<console script> pyairbyte_python=<bin/python> faker_version=<pin>
 *   python_environments=<the directory of the environments>}.</li>
 *   <li>{@code PythonConnectorBenchmark engine DIR CONNECTORS_DIR}: DIR holds faker.json, duck_dest.json
 *   and catalog.json; prints {@code seconds=… records=… bytes=… engine_cpu_s=…}.</li>
 * </ul>
 */
public final class PythonConnectorBenchmark {

  public static void main(String[] args) throws Exception {
    PythonPackage faker = new PythonPackage("airbyte-source-faker", PythonPins.version("airbyte-source-faker"));
    PythonEnvironments pythons = new PythonEnvironments(PythonPins.CACHE, System.getenv("AIRBYTE_PYTHON"));
    if (args[0].equals("install")) {
      String script = pythons.commandFor(faker, line -> System.err.println("pip: " + line)).get(0);
      Path pyairbyte = PythonVenvs.pinned("pyairbyte-" + PythonPins.version("airbyte"), "airbyte");
      System.out.println("faker=" + script + " pyairbyte_python=" + pyairbyte + " faker_version=" + faker.version()
          + " python_environments=" + PythonPins.CACHE);
      return;
    }
    Path dir = Path.of(args[1]);
    Path connectors = Path.of(args[2]).toAbsolutePath();
    LocalConnectorJars jars = new LocalConnectorJars(connectors, List.of("-XX:+UseSerialGC", "-Xmx192m"));
    BuiltInJar destination = new BuiltInJar("destination-duckdb");
    if (jars.commandFor(destination).isEmpty()) {
      throw new IllegalStateException("destination-duckdb.jar is not under " + connectors + ": build the connectors first");
    }
    JsonNode sourceConfig = Jsons.readFile(dir.resolve("faker.json"));
    JsonNode destinationConfig = Jsons.readFile(dir.resolve("duck_dest.json"));
    ConfiguredAirbyteCatalog catalog = Jsons.convert(Jsons.readFile(dir.resolve("catalog.json")), ConfiguredAirbyteCatalog.class);
    ReplicationWorker worker = new ReplicationWorker(new LocalProcessFactory(jars, pythons, Map.of()),
        new FileStatePersistence(dir.resolve("state")), ReplicationSettings.defaults(), new JobDirectories(dir.resolve("workspace")),
        Clock.systemUTC());

    long start = System.nanoTime();
    ReplicationOutput output = worker.start(new ReplicationInput("bench", "python-" + System.currentTimeMillis(), 0, faker,
        sourceConfig, destination, destinationConfig, catalog, List.of(),
        new NamespaceMapping(NamespaceDefinition.DESTINATION, null, null), List.of())).await();
    double seconds = (System.nanoTime() - start) / 1e9;
    if (output.status() != ReplicationStatus.COMPLETED) {
      System.err.println("the sync did not complete: " + output.failures());
      System.err.println(Files.readString(output.logPath()));
      System.exit(1);
    }
    double cpu = ProcessHandle.current().info().totalCpuDuration().map(d -> d.toMillis() / 1000.0).orElse(-1.0);
    System.out.printf("seconds=%.3f records=%d bytes=%d engine_cpu_s=%.1f%n",
        seconds, output.stats().recordsCommitted(), output.stats().bytesEmitted(), cpu);
  }
}
