package io.airbyte.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.airbyte.contract.connection.NamespaceDefinition;
import io.airbyte.contract.connector.ConnectorRuntime.BuiltInJar;
import io.airbyte.contract.connector.ConnectorRuntime.DockerImage;
import io.airbyte.contract.connector.ConnectorRuntime;
import io.airbyte.protocol.json.Jsons;
import io.airbyte.protocol.models.ConfiguredAirbyteCatalog;
import io.airbyte.worker.process.DockerClients;
import io.airbyte.worker.process.DockerProcessFactory;
import io.airbyte.worker.process.DockerSettings;
import io.airbyte.worker.process.JobDirectories;
import io.airbyte.worker.process.LocalConnectorJars;
import io.airbyte.worker.process.LocalProcessFactory;
import io.airbyte.worker.process.ProcessFactory;
import io.airbyte.worker.replication.NamespaceMapping;
import io.airbyte.worker.replication.ReplicationInput;
import io.airbyte.worker.replication.ReplicationOutput;
import io.airbyte.worker.replication.ReplicationSettings;
import io.airbyte.worker.replication.ReplicationStatus;
import io.airbyte.worker.replication.ReplicationWorker;
import io.airbyte.worker.state.FileStatePersistence;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * One sync source-postgres → destination-postgres through the replication engine, with the local
 * or the Docker process factory. Usage: {@code ReplicationBenchmark local|docker DIR CONNECTORS_DIR [json|typed-rows-v1]}
 * (the records' path: JSON lines, the default, or typed rows)
 * where DIR holds source.json, pg_dest.json and catalog_discovered.json (bench/replication.sh makes them).
 * The connection uses the destination's default namespace, as most Airbyte connections do, so the
 * engine renames every record (the data bytes are copied, not parsed).
 * Prints {@code seconds=… records=… bytes=… engine_peak_heap_mb=… engine_peak_rss_mb=… engine_cpu_s=…} (the
 * engine JVM's own CPU time, connectors excluded).
 */
public final class ReplicationBenchmark {

  public static void main(String[] args) throws Exception {
    String mode = args[0];
    boolean typedRows = args.length > 3 && args[3].equals(io.airbyte.protocol.rows.TypedRows.FORMAT);
    Path dir = Path.of(args[1]);
    Path connectors = Path.of(args[2]).toAbsolutePath();
    ProcessFactory processes;
    ConnectorRuntime source;
    ConnectorRuntime destination;
    if (mode.equals("docker")) {
      processes = new DockerProcessFactory(DockerClients.create(null),
          new DockerSettings("host", null, null, dir.resolve("workspace"), null, Map.of()), "dev");
      source = new DockerImage("airbyte/source-postgres", "dev");
      destination = new DockerImage("airbyte/destination-postgres", "dev");
    } else {
      LocalConnectorJars jars = new LocalConnectorJars(connectors, List.of("-XX:+UseSerialGC", "-Xmx192m"));
      processes = new LocalProcessFactory(jars);
      source = local(jars, connectors, "source-postgres");
      destination = local(jars, connectors, "destination-postgres");
    }
    JsonNode sourceConfig = Jsons.readFile(dir.resolve("source.json"));
    JsonNode destinationConfig = Jsons.readFile(dir.resolve("pg_dest.json"));
    ConfiguredAirbyteCatalog catalog = Jsons.convert(Jsons.readFile(dir.resolve("catalog_discovered.json")), ConfiguredAirbyteCatalog.class);
    ReplicationWorker worker = new ReplicationWorker(processes, new FileStatePersistence(dir.resolve("state-" + mode)),
        settings(), new JobDirectories(dir.resolve("workspace")), Clock.systemUTC());

    long start = System.nanoTime();
    ReplicationOutput output = worker.start(new ReplicationInput("bench", mode + "-" + System.currentTimeMillis(), 0, source,
        sourceConfig, destination, destinationConfig, catalog, List.of(), new NamespaceMapping(NamespaceDefinition.DESTINATION, null, null), List.of(),
        typedRows)).await();
    double seconds = (System.nanoTime() - start) / 1e9;
    if (output.status() != ReplicationStatus.COMPLETED) {
      System.err.println("the sync did not complete: " + output.failures());
      System.err.println(Files.readString(output.logPath()));
      System.exit(1);
    }
    long peakHeap = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peakHeap += pool.getPeakUsage().getUsed();
      }
    }
    double cpu = ProcessHandle.current().info().totalCpuDuration().map(d -> d.toMillis() / 1000.0).orElse(-1.0);
    System.out.printf("seconds=%.3f records=%d bytes=%d engine_peak_heap_mb=%.0f engine_peak_rss_mb=%.0f engine_cpu_s=%.1f%n",
        seconds, output.stats().recordsCommitted(), output.stats().bytesEmitted(), peakHeap / 1048576.0, peakRssMb(), cpu);
  }

  /** The engine's defaults; {@code -Dbench.queue.mb=N} tries another queue bound. */
  private static ReplicationSettings settings() {
    ReplicationSettings defaults = ReplicationSettings.defaults();
    String mb = System.getProperty("bench.queue.mb");
    return mb == null ? defaults
        : new ReplicationSettings(defaults.heartbeatTimeout(), Long.parseLong(mb) << 20, defaults.exitTimeout());
  }

  private static BuiltInJar local(LocalConnectorJars jars, Path connectors, String name) {
    BuiltInJar jar = new BuiltInJar(name);
    if (jars.commandFor(jar).isEmpty()) {
      throw new IllegalStateException(name + ".jar is not under " + connectors + ": build the connectors first");
    }
    return jar;
  }

  /** VmHWM of this JVM: the engine alone, not the connectors it runs. */
  private static double peakRssMb() throws Exception {
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith("VmHWM:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
      }
    }
    return -1;
  }
}
