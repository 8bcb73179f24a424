package io.airbyte.worker.replication;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.airbyte.contract.connection.NamespaceDefinition;
import io.airbyte.contract.connector.ConnectorRuntime.BuiltInJar;
import io.airbyte.contract.connector.ConnectorRuntime.PythonPackage;
import io.airbyte.protocol.json.Jsons;
import io.airbyte.protocol.models.AirbyteCatalog;
import io.airbyte.protocol.models.AirbyteStateMessage;
import io.airbyte.protocol.models.ConfiguredAirbyteCatalog;
import io.airbyte.protocol.models.ConfiguredAirbyteStream;
import io.airbyte.protocol.models.DestinationSyncMode;
import io.airbyte.protocol.models.SyncMode;
import io.airbyte.testsupport.postgres.PostgresExtension;
import io.airbyte.testsupport.postgres.PostgresTestDatabase;
import io.airbyte.worker.connector.ConnectorActivitiesImpl;
import io.airbyte.worker.process.FakeJars;
import io.airbyte.worker.process.JobDirectories;
import io.airbyte.worker.process.LocalProcessFactory;
import io.airbyte.worker.process.PythonConnectors;
import io.airbyte.worker.process.PythonEnvironments;
import io.airbyte.worker.state.InMemoryStatePersistence;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Airbyte's own source-faker, as published on PyPI (pinned), synced by the worker's replication
 * engine into our destination-postgres and destination-duckdb: a full refresh (overwrite) of users,
 * products and purchases, then incremental syncs (append + deduped) each started from the state the
 * destination echoed in the one before.
 *
 * <p>How faker 7.2.1 is incremental (its {@code streams.py}): each stream's state is
 * {@code {seed, updated_at, loop_offset}}, but the offset is never read back. With
 * {@code always_updated: false} a stream whose state has an {@code updated_at} emits nothing at all,
 * whatever {@code count} says; with {@code always_updated: true} every sync emits all {@code count}
 * records again from id 1 with a new {@code updated_at}. So raising {@code count} cannot move only the
 * new records: the test shows both behaviours (nothing moves; everything moves and dedup keeps one row
 * per id), which is faker's, not the platform's. A wrapper around the same faker that also prints lines
 * that are not messages shows them counted and logged, the sync going on.
 */
@ExtendWith(PostgresExtension.class)
@Timeout(300)
class AirbyteSourceFakerSyncIT {

  private static final int SEED = 7;

  @TempDir
  Path dir;

  private final PythonPackage faker = PythonConnectors.pinned("airbyte-source-faker");
  private final PythonEnvironments pythons = PythonConnectors.cached();
  private final LocalProcessFactory processes = new LocalProcessFactory(RealConnectorsReplicationIT.JARS, pythons, Map.of());

  @Test
  void fullRefreshThenIncrementalSyncsIntoPostgres(PostgresTestDatabase db) throws Exception {
    syncs(Warehouse.postgres(db, "faker"));
  }

  @Test
  void fullRefreshThenIncrementalSyncsIntoDuckDb() throws Exception {
    syncs(Warehouse.duckdb(dir.resolve("warehouse.duckdb"), "faker"));
  }

  /**
   * Airbyte's faker run through a wrapper that also prints lines that are not messages on stdout (as a
   * connector's stray {@code print} does): each is counted and logged, and the sync goes on.
   */
  @Test
  void linesThatAreNotMessagesFromAPythonConnectorAreCountedAndLogged() throws Exception {
    pythons.commandFor(faker, line -> { });
    String wrapper = String.join("\n",
        "import sys",
        "print('starting faker from a wrapper', flush=True)",
        "print('{\"type\": \"RECORD\", \"record\": {\"stream\": \"users\"', flush=True)",
        "from source_faker.run import run",
        "sys.argv[0] = 'source-faker'",
        "run()",
        "print('faker has finished', flush=True)");
    FakeJars wrapped = new FakeJars();
    BuiltInJar source = wrapped.command(List.of(pythons.directory(faker).resolve("bin/python").toString(), "-c", wrapper));
    LocalProcessFactory factory = new LocalProcessFactory(jar -> wrapped.commandFor(jar).isEmpty()
        ? RealConnectorsReplicationIT.JARS.commandFor(jar) : wrapped.commandFor(jar), pythons, Map.of());
    Warehouse warehouse = Warehouse.duckdb(dir.resolve("stray.duckdb"), "faker");
    JobDirectories directories = new JobDirectories(dir.resolve("workspace"));
    AirbyteCatalog discovered = new ConnectorActivitiesImpl(processes, directories, Duration.ofMinutes(2), Clock.systemUTC())
        .discover(faker, config(10, false)).output();
    ReplicationWorker worker = new ReplicationWorker(factory, new InMemoryStatePersistence(), ReplicationSettings.defaults(),
        directories, Clock.systemUTC());

    ReplicationOutput output = worker.start(new ReplicationInput("stray", "9", 0, source, config(10, false),
        warehouse.connector(), warehouse.config(), catalog(discovered, SyncMode.FULL_REFRESH, DestinationSyncMode.OVERWRITE, 1L),
        List.of(), new NamespaceMapping(NamespaceDefinition.DESTINATION, null, ""), List.of())).await();

    assertThat(output.failures()).isEmpty();
    assertThat(output.stats().malformedSourceLines()).isEqualTo(3);
    assertThat(output.stats().recordsCommitted()).isEqualTo(30);
    assertIds(warehouse, "users", 10);
    assertThat(Files.readString(output.logPath()))
        .contains("source > STDOUT line 1 is not a message (not valid JSON")
        .contains("starting faker from a wrapper")
        .contains("line 2 is not a message")
        .contains("faker has finished")
        .contains("3 line(s) that are not protocol messages");
  }

  private void syncs(Warehouse warehouse) throws Exception {
    JobDirectories directories = new JobDirectories(dir.resolve("workspace"));
    var activities = new ConnectorActivitiesImpl(processes, directories, Duration.ofMinutes(2), Clock.systemUTC());
    AirbyteCatalog discovered = activities.discover(faker, config(20, false)).output();
    assertThat(discovered.getStreams()).extracting(s -> s.getName()).containsExactly("products", "users", "purchases");
    InMemoryStatePersistence persistence = new InMemoryStatePersistence();
    ReplicationWorker worker = new ReplicationWorker(processes, persistence, ReplicationSettings.defaults(), directories,
        Clock.systemUTC());

    // (a) full refresh | overwrite, 20 users (and 20 of faker's 100 products, 20 purchases)
    ReplicationOutput full = sync(worker, warehouse, "full", "1", config(20, false),
        catalog(discovered, SyncMode.FULL_REFRESH, DestinationSyncMode.OVERWRITE, 1L), List.of());
    assertThat(full.stats().recordsCommitted()).isEqualTo(60);
    for (String stream : List.of("users", "products", "purchases")) {
      assertIds(warehouse, "full_" + stream, 20);
    }
    assertThat(warehouse.columnType("full_users", "created_at")).isEqualTo("timestamp with time zone");
    assertThat(warehouse.columnType("full_users", "age")).isEqualTo("bigint");
    assertThat(warehouse.count("SELECT count(*) FROM faker.full_users WHERE created_at IS NOT NULL AND age > 0"
        + " AND email LIKE '%+' || CAST(id AS VARCHAR) || '@%'")).isEqualTo(20); // faker makes e-mails unique with +<id>
    // products come from faker's own data file: every value as it is there
    JsonNode products = Jsons.deserialize(Files.readString(productsFile()));
    Map<Long, String> makes = warehouse.map("SELECT id, make || ' ' || model || ' ' || CAST(price AS VARCHAR) FROM faker.full_products");
    for (JsonNode product : products) {
      if (product.get("id").asLong() <= 20) {
        assertThat(makes.get(product.get("id").asLong())).as("product %s", product.get("id"))
            .startsWith(product.get("make").asText() + " " + product.get("model").asText() + " " + product.get("price").asText());
      }
    }

    // (b) incremental | append + deduped: the state the destination echoed is the next sync's input state
    ConfiguredAirbyteCatalog incremental = catalog(discovered, SyncMode.INCREMENTAL, DestinationSyncMode.APPEND_DEDUP, 0L);
    ReplicationOutput first = sync(worker, warehouse, "inc", "2", config(20, false), incremental, List.of());
    assertThat(first.stats().recordsCommitted()).isEqualTo(60);
    List<AirbyteStateMessage> afterFirst = persistence.current("inc").messages();
    assertThat(afterFirst).hasSize(3);
    assertThat(streamState(afterFirst, "users").get("loop_offset").asInt()).isEqualTo(20);
    assertThat(streamState(afterFirst, "users").get("seed").asInt()).isEqualTo(SEED);
    // what was committed is what the destination echoed last (purchases is the last stream)
    assertThat(first.lastCommittedState().getStream().getStreamDescriptor().getName()).isEqualTo("purchases");
    assertThat(first.lastCommittedState().getStream().getStreamState()).isEqualTo(streamState(afterFirst, "purchases"));
    Map<Long, String> names = warehouse.map("SELECT id, name FROM faker.inc_users");
    assertThat(names).hasSize(20).doesNotContainValue(null);

    // (c) count raised to 30: faker's state says the streams are read, so nothing moves, and the state stays
    ReplicationOutput second = sync(worker, warehouse, "inc", "3", config(30, false), incremental, afterFirst);
    assertThat(inputState(directories, "3")).isEqualTo(Jsons.toTree(afterFirst));
    assertThat(second.stats().recordsEmitted()).isZero();
    assertThat(second.stats().stateMessagesCommitted()).isEqualTo(3);
    assertIds(warehouse, "inc_users", 20);
    List<AirbyteStateMessage> afterSecond = persistence.current("inc").messages();
    assertThat(streamState(afterSecond, "users")).isEqualTo(streamState(afterFirst, "users"));

    // … and with always_updated faker sends all 30 again (new updated_at): dedup keeps one row per id,
    // the first 20 the same people (same seed)
    ReplicationOutput third = sync(worker, warehouse, "inc", "4", config(30, true), incremental, afterSecond);
    assertThat(inputState(directories, "4")).isEqualTo(Jsons.toTree(afterSecond));
    assertThat(third.stats().recordsCommitted()).isEqualTo(90);
    for (String stream : List.of("users", "products", "purchases")) {
      assertIds(warehouse, "inc_" + stream, 30);
    }
    Map<Long, String> namesAfter = warehouse.map("SELECT id, name FROM faker.inc_users");
    assertThat(namesAfter).containsAllEntriesOf(names).hasSize(30);
    assertThat(streamState(persistence.current("inc").messages(), "users").get("loop_offset").asInt()).isEqualTo(30);
  }

  private ReplicationOutput sync(ReplicationWorker worker, Warehouse warehouse, String prefix, String jobId, ObjectNode config,
      ConfiguredAirbyteCatalog catalog, List<AirbyteStateMessage> state) throws InterruptedException {
    ReplicationOutput output = worker.start(new ReplicationInput(prefix, jobId, 0, faker, config, warehouse.connector(),
        warehouse.config(), catalog, List.of(), new NamespaceMapping(NamespaceDefinition.DESTINATION, null, prefix + "_"),
        state)).await();
    assertThat(output.failures()).as("%s into %s", prefix, warehouse).isEmpty();
    assertThat(output.status()).isEqualTo(ReplicationStatus.COMPLETED);
    return output;
  }

  private static ObjectNode config(int count, boolean alwaysUpdated) {
    // one process: the same seed gives the same people in every run
    return Jsons.object().put("count", count).put("seed", SEED).put("records_per_slice", 10).put("parallelism", 1)
        .put("always_updated", alwaysUpdated);
  }

  private static ConfiguredAirbyteCatalog catalog(AirbyteCatalog discovered, SyncMode mode, DestinationSyncMode destinationMode,
      long generation) {
    return new ConfiguredAirbyteCatalog().withStreams(discovered.getStreams().stream().map(s -> new ConfiguredAirbyteStream()
        .withStream(s).withSyncMode(mode).withDestinationSyncMode(destinationMode).withCursorField(s.getDefaultCursorField())
        .withPrimaryKey(s.getSourceDefinedPrimaryKey()).withGenerationId(generation)
        .withMinimumGenerationId(destinationMode == DestinationSyncMode.OVERWRITE ? generation : 0L).withSyncId(1L)).toList());
  }

  private static void assertIds(Warehouse warehouse, String table, int count) throws Exception {
    String sql = "SELECT %s FROM " + warehouse.schema + "." + table;
    assertThat(warehouse.count(sql.formatted("count(*)"))).as("%s rows in %s", table, warehouse).isEqualTo(count);
    assertThat(warehouse.count(sql.formatted("count(DISTINCT id)"))).isEqualTo(count);
    assertThat(warehouse.count(sql.formatted("min(id)"))).isEqualTo(1);
    assertThat(warehouse.count(sql.formatted("max(id)"))).isEqualTo(count);
  }

  private static JsonNode streamState(List<AirbyteStateMessage> states, String stream) {
    return states.stream().filter(s -> s.getStream().getStreamDescriptor().getName().equals(stream)).findFirst().orElseThrow()
        .getStream().getStreamState();
  }

  private static JsonNode inputState(JobDirectories directories, String jobId) throws Exception {
    return Jsons.deserialize(Files.readString(directories.attempt(jobId, 0).resolve(ReplicationRun.INPUT_STATE)));
  }

  private Path productsFile() throws Exception {
    try (Stream<Path> files = Files.walk(pythons.directory(faker).resolve("lib"))) {
      return files.filter(p -> p.endsWith(Path.of("source_faker", "record_data", "products.json"))).findFirst().orElseThrow();
    }
  }
}
