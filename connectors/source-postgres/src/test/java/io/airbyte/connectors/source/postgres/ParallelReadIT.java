package io.airbyte.connectors.source.postgres;

import static io.airbyte.connectors.source.postgres.SourceRun.file;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.airbyte.protocol.json.Jsons;
import io.airbyte.testsupport.postgres.PostgresExtension;
import io.airbyte.testsupport.postgres.PostgresTestDatabase;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code max_db_connections} > 1: streams and the page ranges of a table read at once, in one snapshot. */
@ExtendWith(PostgresExtension.class)
class ParallelReadIT {

  private static final Map<String, Integer> ROWS = Map.of("p_big", 8000, "p_nokey", 6000, "p_events", 3000, "p_view", 500);

  private final PostgresTestDatabase db;
  @TempDir
  Path dir;

  ParallelReadIT(PostgresTestDatabase db) {
    this.db = db;
  }

  @BeforeAll
  static void createTables(PostgresTestDatabase db) {
    db.execute(
        "CREATE TABLE p_big (id int PRIMARY KEY, payload text)",
        "INSERT INTO p_big SELECT g, md5(g::text) FROM generate_series(1, 8000) g",
        "CREATE TABLE p_nokey (id int, b text)",
        "INSERT INTO p_nokey SELECT g, 'n' || g FROM generate_series(1, 6000) g",
        "CREATE TABLE p_events (id int PRIMARY KEY, updated_at timestamptz)",
        "INSERT INTO p_events SELECT g, timestamptz '2024-01-01' + g * interval '1 minute' FROM generate_series(1, 3000) g",
        "CREATE VIEW p_view AS SELECT id, payload FROM p_big WHERE id <= 500",
        "ANALYZE");
  }

  @Test
  void aParallelReadGivesEveryStreamTheRowsOfASequentialOneAndNoStateLeavesARecordUncovered() throws Exception {
    JsonNode catalog = catalog(1L);
    SourceRun sequential = read(1, catalog, null, -1);
    SourceRun parallel = read(3, catalog, null, -1);
    assertThat(sequential.exitCode).isZero();
    assertThat(parallel.exitCode).isZero();
    assertThat(recordsByStream(parallel)).isEqualTo(recordsByStream(sequential));
    recordsByStream(parallel).forEach((stream, records) -> assertThat(records).as(stream).hasSize(ROWS.get(stream)));
    assertEveryStateCoversAllRecordsBeforeIt(parallel);
    for (String stream : ROWS.keySet()) {
      List<String> statuses = statuses(parallel, stream);
      assertThat(statuses.get(0)).as(stream).isEqualTo("STARTED");
      assertThat(statuses.get(statuses.size() - 1)).as(stream).isEqualTo("COMPLETE");
      assertThat(statuses).as(stream).containsOnlyOnce("STARTED", "COMPLETE");
    }
    JsonNode lastBig = lastState(parallel, "p_big");
    assertThat(lastBig.path("state_type").asText()).isEqualTo("ctid");
    assertThat(lastBig.path("done").asBoolean()).isTrue();
    assertThat(lastState(parallel, "p_events").path("cursor").asText()).isEqualTo("2024-01-03 02:00:00+00");
  }

  @Test
  void aPartitionedReadKilledMidwayResumesRowExactOnAnyNumberOfConnections() throws Exception {
    for (int resumeWith : List.of(3, 1)) {
      JsonNode catalog = catalog(List.of("p_big", "p_nokey"), 7L);
      SourceRun crashed = read(3, catalog, null, 12);
      assertThat(crashed.exitCode).isEqualTo(1);
      assertThat(crashed.states()).hasSize(12);
      SourceRun resumed = read(resumeWith, catalog, crashed.stateFile(), -1);
      assertThat(resumed.exitCode).as("resumed on %d connections", resumeWith).isZero();
      for (String stream : List.of("p_big", "p_nokey")) {
        List<Integer> ids = new ArrayList<>(ids(crashed, stream));
        int before = ids.size();
        ids.addAll(ids(resumed, stream));
        assertThat(ids).as("%s, each row once (resumed on %d connections)", stream, resumeWith)
            .hasSize(ROWS.get(stream)).doesNotHaveDuplicates();
        assertThat(ids.size() - before).as(stream + ": resumed, not read again").isLessThan(ROWS.get(stream));
      }
    }
  }

  @Test
  void aBadNumberOfConnectionsIsAConfigErrorNamingTheProperty() throws Exception {
    SourceRun check = SourceRun.run(new PostgresSource(), dir, "check", "--config",
        file(dir, "bad.json", config(1).put("max_db_connections", 0)));
    assertThat(check.connectionStatus()).isEqualTo("FAILED");
    assertThat(check.connectionMessage()).contains("max_db_connections");
  }

  /** At each state, every other stream's records so far are covered by its own last state: none waits for one. */
  private static void assertEveryStateCoversAllRecordsBeforeIt(SourceRun run) {
    Map<String, Integer> uncovered = new HashMap<>();
    for (JsonNode message : run.messages) {
      String type = message.get("type").asText();
      if (type.equals("RECORD")) {
        uncovered.merge(message.at("/record/stream").asText(), 1, Integer::sum);
      } else if (type.equals("STATE")) {
        String stream = message.at("/state/stream/stream_descriptor/name").asText();
        assertThat(message.at("/state/sourceStats/recordCount").asInt()).as(stream)
            .isEqualTo(uncovered.getOrDefault(stream, 0));
        uncovered.put(stream, 0);
        uncovered.forEach((other, count) -> assertThat(count).as("records of %s before a state of %s", other, stream)
            .isZero());
      }
    }
  }

  private static Map<String, List<String>> recordsByStream(SourceRun run) {
    Map<String, List<String>> byStream = new TreeMap<>();
    for (JsonNode message : run.ofType("RECORD")) {
      byStream.computeIfAbsent(message.at("/record/stream").asText(), s -> new ArrayList<>())
          .add(Jsons.serialize(message.at("/record/data")));
    }
    byStream.values().forEach(records -> records.sort(null));
    return byStream;
  }

  private static List<Integer> ids(SourceRun run, String stream) {
    return run.ofType("RECORD").stream().filter(m -> m.at("/record/stream").asText().equals(stream))
        .map(m -> m.at("/record/data/id").asInt()).toList();
  }

  private static List<String> statuses(SourceRun run, String stream) {
    return run.ofType("TRACE").stream().filter(m -> m.at("/trace/type").asText().equals("STREAM_STATUS"))
        .filter(m -> m.at("/trace/stream_status/stream_descriptor/name").asText().equals(stream))
        .map(m -> m.at("/trace/stream_status/status").asText()).toList();
  }

  private static JsonNode lastState(SourceRun run, String stream) {
    JsonNode last = null;
    for (JsonNode state : run.states()) {
      if (state.at("/stream/stream_descriptor/name").asText().equals(stream)) {
        last = state.at("/stream/stream_state");
      }
    }
    return last;
  }

  private ObjectNode config(int connections) {
    ObjectNode config = Jsons.object().put("host", db.host()).put("port", db.port()).put("database", db.databaseName())
        .put("username", db.username()).put("password", db.password()).put("max_db_connections", connections);
    config.putArray("schemas").add("public");
    config.putObject("ssl_mode").put("mode", "disable");
    return config;
  }

  private SourceRun read(int connections, JsonNode catalog, String state, int failAfterStates) throws Exception {
    List<String> args = new ArrayList<>(List.of("read", "--config", file(dir, "c" + connections + ".json", config(connections)),
        "--catalog", file(dir, "cat.json", catalog)));
    if (state != null) {
      args.addAll(List.of("--state", file(dir, "state.json", state)));
    }
    return SourceRun.run(new PostgresSource(700), dir, failAfterStates, args.toArray(String[]::new));
  }

  private JsonNode catalog(Long syncId) throws Exception {
    return catalog(List.of("p_big", "p_nokey", "p_events", "p_view"), syncId);
  }

  private JsonNode catalog(List<String> tables, Long syncId) throws Exception {
    SourceRun discover = SourceRun.run(new PostgresSource(), dir, "discover", "--config", file(dir, "d.json", config(1)));
    ObjectNode catalog = Jsons.object();
    ArrayNode streams = catalog.putArray("streams");
    Set<String> wanted = new HashSet<>(tables);
    for (JsonNode stream : discover.ofType("CATALOG").get(0).at("/catalog/streams")) {
      String name = stream.get("name").asText();
      if (!wanted.contains(name)) {
        continue;
      }
      ObjectNode configured = streams.addObject();
      configured.set("stream", stream);
      boolean incremental = name.equals("p_events");
      configured.put("sync_mode", incremental ? "incremental" : "full_refresh").put("destination_sync_mode", "append")
          .put("sync_id", syncId);
      if (incremental) {
        configured.putArray("cursor_field").add("updated_at");
      }
    }
    return catalog;
  }
}
