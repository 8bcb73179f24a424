package io.airbyte.worker.replication;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.airbyte.contract.connection.NamespaceDefinition;
import io.airbyte.contract.connector.ConnectorRuntime.BuiltInJar;
import io.airbyte.contract.connector.ConnectorRuntime.DockerImage;
import io.airbyte.contract.connector.ConnectorRuntime;
import io.airbyte.protocol.json.Jsons;
import io.airbyte.protocol.models.AirbyteCatalog;
import io.airbyte.protocol.models.AirbyteStream;
import io.airbyte.protocol.models.ConfiguredAirbyteCatalog;
import io.airbyte.protocol.models.ConfiguredAirbyteStream;
import io.airbyte.protocol.models.DestinationSyncMode;
import io.airbyte.protocol.models.SyncMode;
import io.airbyte.testsupport.docker.DockerSupport;
import io.airbyte.testsupport.postgres.PostgresExtension;
import io.airbyte.testsupport.postgres.PostgresTestDatabase;
import io.airbyte.worker.connector.ConnectorActivitiesImpl;
import io.airbyte.worker.process.DockerClients;
import io.airbyte.worker.process.DockerProcessFactory;
import io.airbyte.worker.process.DockerSettings;
import io.airbyte.worker.process.JobDirectories;
import io.airbyte.worker.process.LocalConnectorJars;
import io.airbyte.worker.process.LocalProcessFactory;
import io.airbyte.worker.process.ProcessFactory;
import io.airbyte.worker.state.InMemoryStatePersistence;
import io.airbyte.worker.state.InputStates;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Our real connectors (source-postgres → destination-postgres) through the engine, with each process
 * factory: discover through the activities, an incremental sync, then a second sync that starts
 * from the committed state and moves only what changed.
 */
@ExtendWith(PostgresExtension.class)
@Timeout(300)
class RealConnectorsReplicationIT {

  private static final Path CONNECTORS = Path.of(System.getProperty("connectors.dir", "../connectors"));

  @TempDir
  Path dir;

  static final LocalConnectorJars JARS = new LocalConnectorJars(CONNECTORS, List.of("-XX:+UseSerialGC", "-Xmx192m"));

  static BuiltInJar local(String name) {
    BuiltInJar jar = new BuiltInJar(name);
    if (JARS.commandFor(jar).isEmpty()) {
      throw new IllegalStateException(name + ".jar is not under " + CONNECTORS.toAbsolutePath()
          + ": build the connectors first (./mvnw -B verify builds them first)");
    }
    return jar;
  }

  @Test
  void incrementalSyncsThroughLocalProcesses(PostgresTestDatabase db) throws Exception {
    syncTwice(db, new LocalProcessFactory(JARS), local("source-postgres"), local("destination-postgres"), "localhost");
  }

  @Test
  void incrementalSyncsThroughDockerContainers(PostgresTestDatabase db) throws Exception {
    DockerSupport.assumeDocker();
    DockerSupport.buildImage(CONNECTORS.resolve("source-postgres"), "airbyte/source-postgres:dev");
    DockerSupport.buildImage(CONNECTORS.resolve("destination-postgres"), "airbyte/destination-postgres:dev");
    DockerSettings settings = new DockerSettings("host", "512m", "1", dir, null, java.util.Map.of());
    ProcessFactory docker = new DockerProcessFactory(DockerClients.create(null), settings, "dev");
    syncTwice(db, docker, new DockerImage("airbyte/source-postgres", "dev"), new DockerImage("airbyte/destination-postgres", "dev"),
        "localhost");
  }

  private void syncTwice(PostgresTestDatabase db, ProcessFactory processes, ConnectorRuntime source,
      ConnectorRuntime destination, String host) throws Exception {
    db.execute("DROP SCHEMA IF EXISTS landing CASCADE", "CREATE SCHEMA IF NOT EXISTS app", "DROP TABLE IF EXISTS app.events",
        "CREATE TABLE app.events (id bigint PRIMARY KEY, kind text, secret text, updated_at timestamptz NOT NULL)",
        "INSERT INTO app.events SELECT g, 'k' || g, 's' || g, timestamptz '2024-01-01' + g * interval '1 minute' "
            + "FROM generate_series(1, 2500) g");
    ObjectNode sourceConfig = Jsons.object().put("host", host).put("port", db.port()).put("database", db.databaseName())
        .put("username", db.username()).put("password", db.password());
    sourceConfig.putArray("schemas").add("app");
    sourceConfig.putObject("ssl_mode").put("mode", "disable");
    ObjectNode destinationConfig = sourceConfig.deepCopy();
    destinationConfig.remove("schemas");
    destinationConfig.put("schema", "landing");

    JobDirectories directories = new JobDirectories(dir);
    var activities = new ConnectorActivitiesImpl(processes, directories, Duration.ofMinutes(2), Clock.systemUTC());
    assertThat(activities.check(io.airbyte.worker.process.ConnectorRole.DESTINATION, destination, destinationConfig)
        .output().getStatus()).hasToString("SUCCEEDED");
    AirbyteCatalog discovered = activities.discover(source, sourceConfig).output();
    AirbyteStream events = discovered.getStreams().stream().filter(s -> s.getName().equals("events")).findFirst().orElseThrow();
    ConfiguredAirbyteCatalog catalog = new ConfiguredAirbyteCatalog().withStreams(List.of(new ConfiguredAirbyteStream()
        .withStream(events).withSyncMode(SyncMode.INCREMENTAL).withCursorField(List.of("updated_at"))
        .withDestinationSyncMode(DestinationSyncMode.APPEND_DEDUP).withPrimaryKey(List.of(List.of("id")))
        .withGenerationId(0L).withMinimumGenerationId(0L).withSyncId(1L)));

    InMemoryStatePersistence persistence = new InMemoryStatePersistence();
    ReplicationWorker worker = new ReplicationWorker(processes, persistence, ReplicationSettings.defaults(), directories,
        Clock.systemUTC());
    List<FieldSelection> fields = List.of(new FieldSelection(InputStates.descriptor(catalog.getStreams().get(0)),
        List.of("id", "kind", "updated_at")));
    NamespaceMapping namespaces = new NamespaceMapping(NamespaceDefinition.DESTINATION, null, "pg_");

    ReplicationOutput first = worker.start(new ReplicationInput("conn", "1", 0, source, sourceConfig, destination,
        destinationConfig, catalog, fields, namespaces, persistence.current("conn").messages())).await();
    assertThat(first.failures()).isEmpty();
    assertThat(first.stats().recordsCommitted()).isEqualTo(2500);
    assertThat(count(db, "SELECT count(*) FROM landing.pg_events")).isEqualTo(2500);
    assertThat(count(db, "SELECT count(*) FROM information_schema.columns WHERE table_schema = 'landing' "
        + "AND table_name = 'pg_events' AND column_name = 'secret'")).isZero();

    db.execute("UPDATE app.events SET kind = 'changed', updated_at = now() WHERE id <= 10",
        "INSERT INTO app.events VALUES (2501, 'new', 'x', now())");
    ReplicationOutput second = worker.start(new ReplicationInput("conn", "2", 0, source, sourceConfig, destination,
        destinationConfig, catalog, fields, namespaces, persistence.current("conn").messages())).await();
    assertThat(second.failures()).isEmpty();
    // the changed rows, the new one, and at most the boundary rows of the last cursor value
    assertThat(second.stats().recordsEmitted()).isBetween(11L, 13L);
    assertThat(count(db, "SELECT count(*) FROM landing.pg_events")).isEqualTo(2501);
    assertThat(count(db, "SELECT count(*) FROM landing.pg_events WHERE kind = 'changed'")).isEqualTo(10);
  }

  private static long count(PostgresTestDatabase db, String sql) throws Exception {
    try (var c = db.connection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
