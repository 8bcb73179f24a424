package io.airbyte.worker.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.airbyte.contract.connection.NamespaceDefinition;
import io.airbyte.contract.connector.ConnectorRuntime.BuiltInJar;
import io.airbyte.contract.connector.ConnectorRuntime.DeclarativeManifest;
import io.airbyte.protocol.json.Jsons;
import io.airbyte.protocol.models.AirbyteCatalog;
import io.airbyte.protocol.models.AirbyteConnectionStatus;
import io.airbyte.protocol.models.AirbyteStream;
import io.airbyte.protocol.models.ConfiguredAirbyteCatalog;
import io.airbyte.protocol.models.ConfiguredAirbyteStream;
import io.airbyte.protocol.models.DestinationSyncMode;
import io.airbyte.protocol.models.SyncMode;
import io.airbyte.testsupport.http.ItemsApi;
import io.airbyte.testsupport.postgres.PostgresExtension;
import io.airbyte.testsupport.postgres.PostgresTestDatabase;
import io.airbyte.testsupport.python.PythonPins;
import io.airbyte.worker.connector.ConnectorActivitiesImpl;
import io.airbyte.worker.process.ConnectorRole;
import io.airbyte.worker.process.JobDirectories;
import io.airbyte.worker.process.LocalConnectorJars;
import io.airbyte.worker.process.LocalProcessFactory;
import io.airbyte.worker.process.PythonConnectors;
import io.airbyte.worker.replication.FieldSelection;
import io.airbyte.worker.replication.NamespaceMapping;
import io.airbyte.worker.replication.ReplicationInput;
import io.airbyte.worker.replication.ReplicationOutput;
import io.airbyte.worker.replication.ReplicationSettings;
import io.airbyte.worker.replication.ReplicationWorker;
import io.airbyte.worker.state.InMemoryStatePersistence;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A declarative manifest of ours ({@code manifests/items.json}: pages of ten, an incremental stream
 * on {@code updated_at}, the API key from a secret field of its spec sent as a header) run by the
 * pinned {@code airbyte-cdk}'s {@code source-declarative-manifest} through the local process factory,
 * against an HTTP API the test serves: check, discover, two syncs into destination-postgres, the
 * second from the committed state asking the API only for what changed; and the Connector Builder's
 * validation and test read of the same manifest.
 */
@ExtendWith(PostgresExtension.class)
@Timeout(300)
class DeclarativeManifestIT {

  private static final Path CONNECTORS = Path.of(System.getProperty("connectors.dir", "../connectors"));
  private static final LocalConnectorJars JARS = new LocalConnectorJars(CONNECTORS, List.of("-XX:+UseSerialGC", "-Xmx192m"));
  private static final String KEY = "s3cret-key";
  private static final Instant BASE = Instant.parse("2024-01-01T00:00:00Z");

  @TempDir
  Path dir;

  private ItemsApi api;
  private DeclarativeManifest manifest;
  private LocalProcessFactory processes;

  static JsonNode itemsManifest() throws Exception {
    try (InputStream in = DeclarativeManifestIT.class.getResourceAsStream("/manifests/items.json")) {
      return Jsons.deserialize(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  @BeforeEach
  void start() throws Exception {
    api = ItemsApi.start(KEY);
    api.addItems(1, 25, BASE);
    manifest = new DeclarativeManifest(itemsManifest(), PythonPins.version("airbyte-cdk"));
    processes = new LocalProcessFactory(JARS, PythonConnectors.cached(), Map.of());
  }

  @AfterEach
  void stop() {
    api.close();
  }

  private ObjectNode config(String key) {
    return Jsons.object().put("base_url", api.baseUrl()).put("api_key", key).put("start_date", "2024-01-01T00:00:00Z");
  }

  @Test
  void checksDiscoversAndSyncsIncrementallyIntoPostgresAskingTheSecondTimeOnlyForNewerItems(PostgresTestDatabase db)
      throws Exception {
    db.execute("DROP SCHEMA IF EXISTS landing CASCADE");
    JobDirectories directories = new JobDirectories(dir);
    var activities = new ConnectorActivitiesImpl(processes, directories, Duration.ofMinutes(3), Clock.systemUTC());

    // the spec is the manifest's, without running anything
    var spec = activities.spec(manifest).output();
    assertThat(Jsons.toTree(spec.getConnectionSpecification()).at("/properties/api_key/airbyte_secret").asBoolean()).isTrue();

    AirbyteConnectionStatus wrongKey = activities.check(ConnectorRole.SOURCE, manifest, config("wrong")).output();
    assertThat(wrongKey.getStatus()).isEqualTo(AirbyteConnectionStatus.Status.FAILED);
    assertThat(activities.check(ConnectorRole.SOURCE, manifest, config(KEY)).output().getStatus())
        .isEqualTo(AirbyteConnectionStatus.Status.SUCCEEDED);
    AirbyteCatalog discovered = activities.discover(manifest, config(KEY)).output();
    AirbyteStream items = discovered.getStreams().get(0);
    assertThat(items.getName()).isEqualTo("items");
    assertThat(items.getSupportedSyncModes()).contains(SyncMode.INCREMENTAL);
    assertThat(items.getDefaultCursorField()).containsExactly("updated_at");

    ObjectNode destinationConfig = Jsons.object().put("host", "localhost").put("port", db.port())
        .put("database", db.databaseName()).put("username", db.username()).put("password", db.password())
        .put("schema", "landing");
    destinationConfig.putObject("ssl_mode").put("mode", "disable");
    BuiltInJar destination = new BuiltInJar("destination-postgres");
    ConfiguredAirbyteCatalog catalog = new ConfiguredAirbyteCatalog().withStreams(List.of(new ConfiguredAirbyteStream()
        .withStream(items).withSyncMode(SyncMode.INCREMENTAL).withCursorField(List.of("updated_at"))
        .withDestinationSyncMode(DestinationSyncMode.APPEND_DEDUP).withPrimaryKey(List.of(List.of("id")))
        .withGenerationId(0L).withMinimumGenerationId(0L).withSyncId(1L)));
    InMemoryStatePersistence persistence = new InMemoryStatePersistence();
    ReplicationWorker worker = new ReplicationWorker(processes, persistence, ReplicationSettings.defaults(), directories,
        Clock.systemUTC());
    NamespaceMapping namespaces = new NamespaceMapping(NamespaceDefinition.DESTINATION, null, "api_");
    List<FieldSelection> fields = List.of();
    api.clearRequests();

    ReplicationOutput first = worker.start(new ReplicationInput("conn", "1", 0, manifest, config(KEY), destination,
        destinationConfig, catalog, fields, namespaces, persistence.current("conn").messages())).await();

    assertThat(first.failures()).isEmpty();
    assertThat(first.stats().recordsCommitted()).isEqualTo(25);
    assertThat(count(db, "SELECT count(*) FROM landing.api_items")).isEqualTo(25);
    // three pages of ten, each with the key from the secret field, from the configured start date
    assertThat(api.requests()).hasSize(3).allMatch(ItemsApi.Request::authorized)
        .allMatch(r -> r.query().get("updated_since").equals("2024-01-01T00:00:00Z"));
    assertThat(api.requests().stream().map(r -> r.query().getOrDefault("page", "1")).toList()).containsExactly("1", "2", "3");
    assertThat(persistence.current("conn").messages().toString()).contains("2024-01-01T00:25:00Z");

    api.addItems(26, 28, BASE);
    api.clearRequests();
    ReplicationOutput second = worker.start(new ReplicationInput("conn", "2", 0, manifest, config(KEY), destination,
        destinationConfig, catalog, fields, namespaces, persistence.current("conn").messages())).await();

    assertThat(second.failures()).isEmpty();
    // asked once, from the committed cursor: the boundary item and the three new ones
    assertThat(api.requests()).hasSize(1).allMatch(ItemsApi.Request::authorized)
        .allMatch(r -> r.query().get("updated_since").equals("2024-01-01T00:25:00Z"));
    assertThat(second.stats().recordsEmitted()).isEqualTo(4);
    assertThat(count(db, "SELECT count(*) FROM landing.api_items")).isEqualTo(28);
    assertThat(count(db, "SELECT max(id) FROM landing.api_items")).isEqualTo(28);
  }

  @Test
  void theCdkValidatesAManifestNamingThePlaceAndTestReadsAStreamWithItsPagesAndRequests() throws Exception {
    ManifestTools tools = new ManifestTools(PythonConnectors.cached(), new JobDirectories(dir), Duration.ofMinutes(3));
    assertThat(tools.validate(manifest)).isEqualTo(ManifestValidation.ok());

    ObjectNode broken = (ObjectNode) itemsManifest();
    ((ObjectNode) broken.at("/streams/0/retriever/requester")).put("http_method", "FETCH");
    ManifestValidation invalid = tools.validate(new DeclarativeManifest(broken, manifest.cdkVersion()));
    assertThat(invalid.valid()).isFalse();
    assertThat(invalid.path()).isEqualTo("$.streams[0].retriever.requester.http_method");
    assertThat(invalid.message()).contains("FETCH");

    JsonNode read = tools.testRead(manifest, config(KEY), new TestReadRequest("items", null, 15, 2, 1));
    JsonNode pages = read.at("/slices/0/pages");
    assertThat(pages).hasSize(2);
    assertThat(pages.get(0).get("records")).hasSize(10);
    assertThat(pages.get(1).get("records")).hasSize(5);
    assertThat(pages.get(0).at("/records/0/id").asLong()).isEqualTo(1);
    assertThat(pages.get(1).at("/request/url").asText()).contains("page=2").contains("updated_since=");
    assertThat(pages.get(0).at("/response/status").asInt()).isEqualTo(200);
    // the secret is masked in what the read shows
    assertThat(pages.get(0).at("/request/headers/X-API-Key").asText()).doesNotContain(KEY);
    assertThat(read.toString()).doesNotContain(KEY);
    assertThat(read.get("test_read_limit_reached").asBoolean()).isTrue();
    assertThat(read.get("logs").isArray()).isTrue();

    JsonNode unauthorized = tools.testRead(manifest, config("wrong"), new TestReadRequest("items", null, 5, 1, 1));
    assertThat(unauthorized.toString()).contains("401");
  }

  private static long count(PostgresTestDatabase db, String sql) throws Exception {
    try (var c = db.connection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
