package io.airbyte.worker.replication;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.airbyte.contract.connection.NamespaceDefinition;
import io.airbyte.contract.connector.ConnectorRuntime.PythonPackage;
import io.airbyte.protocol.json.Jsons;
import io.airbyte.protocol.models.AirbyteCatalog;
import io.airbyte.protocol.models.AirbyteStream;
import io.airbyte.protocol.models.ConfiguredAirbyteCatalog;
import io.airbyte.protocol.models.ConfiguredAirbyteStream;
import io.airbyte.protocol.models.DestinationSyncMode;
import io.airbyte.protocol.models.SyncMode;
import io.airbyte.testsupport.postgres.PostgresExtension;
import io.airbyte.testsupport.postgres.PostgresTestDatabase;
import io.airbyte.worker.connector.ConnectorActivitiesImpl;
import io.airbyte.worker.process.ConnectorRole;
import io.airbyte.worker.process.JobDirectories;
import io.airbyte.worker.process.LocalProcessFactory;
import io.airbyte.worker.process.PythonConnectors;
import io.airbyte.protocol.models.AirbyteConnectionStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Airbyte's source-file, as published on PyPI (pinned), reading a CSV file and a JSON-lines file from
 * the local file system through the worker into destination-postgres. Its local storage
 * ({@code provider: {storage: local}}) reads any path it is given ({@code file://} + the url); the
 * "{@code /local/}" of its spec is the directory Airbyte's Docker deployment mounts there, so a local
 * process of ours takes any absolute path the worker's user can read.
 */
@ExtendWith(PostgresExtension.class)
@Timeout(300)
class AirbyteSourceFileSyncIT {

  @TempDir
  Path dir;

  private final PythonPackage file = PythonConnectors.pinned("airbyte-source-file");
  private final LocalProcessFactory processes = new LocalProcessFactory(RealConnectorsReplicationIT.JARS,
      PythonConnectors.cached(), Map.of());

  @Test
  void aLocalCsvFileAndAJsonLinesFileLandInPostgres(PostgresTestDatabase db) throws Exception {
    Path csv = Files.writeString(dir.resolve("people.csv"), """
        id,name,amount,joined
        1,alpha,1.5,2024-01-01
        2,beta,2.25,2024-01-02
        3,"gamma, with a comma",3,2024-01-03
        """);
    Path jsonl = Files.writeString(dir.resolve("places.jsonl"), """
        {"id": 1, "city": "Paris", "tags": ["a", "b"], "score": 10}
        {"id": 2, "city": "Zürich", "tags": [], "score": null}
        """);
    Warehouse warehouse = Warehouse.postgres(db, "files");
    JobDirectories directories = new JobDirectories(dir.resolve("workspace"));
    var activities = new ConnectorActivitiesImpl(processes, directories, Duration.ofMinutes(3), Clock.systemUTC());
    ReplicationWorker worker = new ReplicationWorker(processes, new io.airbyte.worker.state.InMemoryStatePersistence(),
        ReplicationSettings.defaults(), directories, Clock.systemUTC());

    ObjectNode csvConfig = config("people", "csv", csv);
    assertThat(activities.check(ConnectorRole.SOURCE, file, csvConfig).output().getStatus())
        .isEqualTo(AirbyteConnectionStatus.Status.SUCCEEDED);
    ReplicationOutput people = sync(worker, activities, warehouse, "1", csvConfig);
    assertThat(people.stats().recordsCommitted()).isEqualTo(3);
    assertThat(warehouse.map("SELECT id, name || '|' || amount || '|' || joined FROM files.people ORDER BY id"))
        .containsExactly(Map.entry(1L, "alpha|1.5|2024-01-01"), Map.entry(2L, "beta|2.25|2024-01-02"),
            Map.entry(3L, "gamma, with a comma|3.0|2024-01-03"));
    assertThat(warehouse.columnType("people", "amount")).isEqualTo("numeric");

    ReplicationOutput places = sync(worker, activities, warehouse, "2", config("places", "jsonl", jsonl));
    assertThat(places.stats().recordsCommitted()).isEqualTo(2);
    assertThat(warehouse.map("SELECT id, city || '|' || tags::text || '|' || coalesce(score::text, 'null') FROM files.places"
        + " ORDER BY id")).containsExactly(Map.entry(1L, "Paris|[\"a\", \"b\"]|10"), Map.entry(2L, "Zürich|[]|null"));
    assertThat(warehouse.columnType("places", "id")).isEqualTo("bigint");
    assertThat(warehouse.columnType("places", "tags")).isEqualTo("jsonb");
  }

  @Test
  void aMissingLocalFileFailsTheCheckNamingTheFile() {
    var activities = new ConnectorActivitiesImpl(processes, new JobDirectories(dir.resolve("workspace")), Duration.ofMinutes(3),
        Clock.systemUTC());
    var check = activities.check(ConnectorRole.SOURCE, file, config("nothing", "csv", dir.resolve("nothing-here.csv")));
    assertThat(check.output().getStatus()).isEqualTo(AirbyteConnectionStatus.Status.FAILED);
    assertThat(check.output().getMessage()).contains("nothing-here.csv");
  }

  private ReplicationOutput sync(ReplicationWorker worker, ConnectorActivitiesImpl activities, Warehouse warehouse, String jobId,
      ObjectNode config) throws InterruptedException {
    AirbyteCatalog discovered = activities.discover(file, config).output();
    AirbyteStream stream = discovered.getStreams().get(0);
    assertThat(stream.getName()).isEqualTo(config.get("dataset_name").asText());
    ConfiguredAirbyteCatalog catalog = new ConfiguredAirbyteCatalog().withStreams(List.of(new ConfiguredAirbyteStream()
        .withStream(stream).withSyncMode(SyncMode.FULL_REFRESH).withDestinationSyncMode(DestinationSyncMode.OVERWRITE)
        .withGenerationId(1L).withMinimumGenerationId(1L).withSyncId(Long.parseLong(jobId))));
    ReplicationOutput output = worker.start(new ReplicationInput("files", jobId, 0, file, config, warehouse.connector(),
        warehouse.config(), catalog, List.of(), new NamespaceMapping(NamespaceDefinition.DESTINATION, null, ""), List.of()))
        .await();
    assertThat(output.failures()).isEmpty();
    assertThat(output.status()).isEqualTo(ReplicationStatus.COMPLETED);
    return output;
  }

  private static ObjectNode config(String dataset, String format, Path path) {
    ObjectNode config = Jsons.object().put("dataset_name", dataset).put("format", format).put("url", path.toString());
    config.putObject("provider").put("storage", "local");
    return config;
  }
}
