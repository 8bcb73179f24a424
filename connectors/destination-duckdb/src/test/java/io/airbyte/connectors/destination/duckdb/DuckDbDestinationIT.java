package io.airbyte.connectors.destination.duckdb;

import static io.airbyte.protocol.testing.Messages.catalog;
import static io.airbyte.protocol.testing.Messages.stream;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.airbyte.connector.kit.testing.DestinationRun;
import io.airbyte.connector.kit.testing.JdbcRows;
import io.airbyte.protocol.json.Jsons;
import io.airbyte.protocol.models.DestinationSyncMode;
import io.airbyte.protocol.testing.Messages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DuckDbDestinationIT {

  private static final String USERS = """
      {"type":"object","properties":{
        "id":{"type":"integer"},
        "name":{"type":["null","string"]},
        "updated_at":{"type":"string","format":"date-time","airbyte_type":"timestamp_with_timezone"}}}
      """;

  @TempDir
  Path dir;

  private ObjectNode config() {
    return Jsons.object().put("destination_path", dir.resolve("warehouse/db.duckdb").toString());
  }

  private DestinationRun write(io.airbyte.protocol.models.ConfiguredAirbyteCatalog catalog, Messages input) throws Exception {
    DestinationRun run = DestinationRun.write(new DuckDbDestination(), dir, config(), catalog, input.toString());
    assertThat(run.exitCode).as(run.errorMessage()).isZero();
    return run;
  }

  @Test
  void appendKeepsEverySync() throws Exception {
    var catalog = catalog(stream(null, "users", USERS, DestinationSyncMode.APPEND, null, null, 1, 0));
    DestinationRun first = write(catalog, new Messages()
        .record(null, "users", "{\"id\":1,\"name\":\"Ada\",\"updated_at\":\"2024-01-01T00:00:00Z\"}")
        .record(null, "users", "{\"id\":2,\"name\":\"Grace\",\"updated_at\":\"2024-01-02T00:00:00+02:00\"}")
        .state(null, "users", "{}").status(null, "users", "COMPLETE"));
    assertThat(first.states()).singleElement()
        .satisfies(s -> assertThat(s.at("/state/destinationStats/recordCount").asDouble()).isEqualTo(2.0));
    write(catalog, new Messages().record(null, "users", "{\"id\":2,\"name\":\"Grace \\\"H\\\", jr\"}")
        .state(null, "users", "{}").status(null, "users", "COMPLETE"));
    List<Map<String, Object>> rows = query("SELECT id, name, updated_at::varchar AS ts, _airbyte_meta::varchar AS meta,"
        + " _airbyte_generation_id AS gen, _airbyte_raw_id::varchar AS rid FROM main.users ORDER BY _airbyte_extracted_at");
    assertThat(rows).extracting(r -> r.get("name")).containsExactly("Ada", "Grace", "Grace \"H\", jr");
    assertThat(rows.get(1).get("ts")).isEqualTo("2024-01-01 22:00:00+00");
    assertThat(Jsons.deserialize((String) rows.get(0).get("meta"))).isEqualTo(Jsons.deserialize("{\"sync_id\":42,\"changes\":[]}"));
    assertThat(rows).allSatisfy(r -> assertThat(r.get("gen")).isEqualTo(1L));
  }

  @Test
  void overwriteSwapsOnCompletionAndAFailedAttemptResumes() throws Exception {
    write(catalog(stream("ow", "items", USERS, DestinationSyncMode.OVERWRITE, null, null, 1, 1)), new Messages()
        .record("ow", "items", "{\"id\":1,\"name\":\"old\"}").state("ow", "items", "{}").status("ow", "items", "COMPLETE"));
    var gen2 = catalog(stream("ow", "items", USERS, DestinationSyncMode.OVERWRITE, null, null, 2, 2));
    write(gen2, new Messages().status("ow", "items", "STARTED")
        .record("ow", "items", "{\"id\":10,\"name\":\"new-10\"}").state("ow", "items", "{}")
        .record("ow", "items", "{\"id\":11,\"name\":\"uncommitted\"}"));
    assertThat(names("SELECT name FROM ow.items")).containsExactly("old");
    assertThat(names("SELECT name FROM ow.items_airbyte_tmp")).containsExactly("new-10");
    write(gen2, new Messages().record("ow", "items", "{\"id\":11,\"name\":\"new-11\"}").state("ow", "items", "{}")
        .status("ow", "items", "COMPLETE"));
    assertThat(names("SELECT name FROM ow.items ORDER BY id")).containsExactly("new-10", "new-11");
  }

  @Test
  void dedupModesKeepTheLatestRowPerKey() throws Exception {
    var incremental = catalog(stream(null, "d", USERS, DestinationSyncMode.APPEND_DEDUP, List.of("id"), "updated_at", 1, 0));
    write(incremental, new Messages()
        .record(null, "d", "{\"id\":1,\"name\":\"a1\",\"updated_at\":\"2024-01-01T00:00:00Z\"}")
        .record(null, "d", "{\"id\":1,\"name\":\"a2\",\"updated_at\":\"2024-01-02T00:00:00Z\"}")
        .record(null, "d", "{\"id\":2,\"name\":\"b1\",\"updated_at\":\"2024-01-03T00:00:00Z\"}")
        .state(null, "d", "{}").status(null, "d", "COMPLETE"));
    write(incremental, new Messages()
        .record(null, "d", "{\"id\":1,\"name\":\"a0 older\",\"updated_at\":\"2023-01-01T00:00:00Z\"}")
        .record(null, "d", "{\"id\":2,\"name\":\"b2 same cursor\",\"updated_at\":\"2024-01-03T00:00:00Z\"}")
        .state(null, "d", "{}").status(null, "d", "COMPLETE"));
    assertThat(names("SELECT name FROM main.d ORDER BY id")).containsExactly("a2", "b2 same cursor");

    var refresh = catalog(stream(null, "d", USERS, DestinationSyncMode.APPEND_DEDUP, List.of("id"), "updated_at", 2, 2));
    write(refresh, new Messages().record(null, "d", "{\"id\":3,\"name\":\"c\",\"updated_at\":\"2024-01-04T00:00:00Z\"}")
        .record(null, "d", "{\"id\":3,\"name\":\"c2\",\"updated_at\":\"2024-01-05T00:00:00Z\"}")
        .state(null, "d", "{}").status(null, "d", "COMPLETE"));
    assertThat(names("SELECT name FROM main.d ORDER BY id")).as("overwrite + dedup").containsExactly("c2");
  }

  @Test
  void valuesThatDoNotFitAreNulledAndDuckDbFormsAreUsed() throws Exception {
    String schema = """
        {"type":"object","properties":{"id":{"type":"integer"},"n":{"type":"number"},"d":{"type":"string","format":"date"},
         "ts":{"type":"string","format":"date-time","airbyte_type":"timestamp_without_timezone"},
         "tt":{"type":"string","format":"time","airbyte_type":"time_with_timezone"},"o":{"type":"object"},"a":{}}}
        """;
    var catalog = catalog(stream(null, "casts", schema, DestinationSyncMode.APPEND, null, null, 1, 0));
    write(catalog, new Messages()
        .record(null, "casts", "{\"id\":\"x\",\"n\":\"NaN\",\"d\":\"0044-03-15 BC\",\"ts\":\"0044-03-15T12:00:00 BC\","
            + "\"tt\":\"01:00:00Z\",\"o\":{\"k\":\"v,\\\"q\\\"\"},\"a\":[1,\"two\"]}")
        .record(null, "casts", "{\"id\":99999999999999999999,\"n\":1.5e300,\"d\":\"2023-02-30\",\"ts\":\"soon\","
            + "\"tt\":\"25:00:00\",\"o\":\"not an object\",\"a\":\"plain\"}")
        .state(null, "casts", "{}"));
    List<Map<String, Object>> rows = query("SELECT id, n::varchar AS n, d::varchar AS d, ts::varchar AS ts, tt::varchar AS tt,"
        + " o::varchar AS o, a::varchar AS a, _airbyte_meta::varchar AS meta FROM main.casts ORDER BY _airbyte_extracted_at");
    Map<String, Object> first = rows.get(0);
    assertThat(first.get("id")).isNull();
    assertThat(first.get("n")).isEqualTo("nan");
    assertThat(first.get("d")).isEqualTo("0044-03-15 (BC)");
    assertThat(first.get("ts")).isEqualTo("0044-03-15 (BC) 12:00:00");
    assertThat(first.get("tt")).isEqualTo("01:00:00+00");
    assertThat(Jsons.deserialize((String) first.get("o"))).isEqualTo(Jsons.deserialize("{\"k\":\"v,\\\"q\\\"\"}"));
    assertThat(Jsons.deserialize((String) first.get("a"))).isEqualTo(Jsons.deserialize("[1,\"two\"]"));
    assertThat(Jsons.deserialize((String) first.get("meta")).get("changes")).hasSize(1);
    Map<String, Object> second = rows.get(1);
    assertThat(second.get("id")).isNull();
    assertThat(second.get("d")).isNull();
    assertThat(second.get("ts")).isNull();
    assertThat(second.get("tt")).isNull();
    assertThat(second.get("o")).isNull();
    assertThat(second.get("a")).isEqualTo("\"plain\"");
    JsonNode changes = Jsons.deserialize((String) second.get("meta")).get("changes");
    assertThat(changes).hasSize(5).allSatisfy(c -> assertThat(c.get("reason").asText()).isEqualTo("DESTINATION_TYPECAST_ERROR"));
  }

  @Test
  void columnsAreAddedAndWidenedAndIdentifiersQuoted() throws Exception {
    var v1 = catalog(stream("Weird \"NS\"", "My Table é", "{\"type\":\"object\",\"properties\":{\"Select\":{\"type\":\"integer\"}}}",
        DestinationSyncMode.APPEND, null, null, 1, 0));
    write(v1, new Messages().record("Weird \"NS\"", "My Table é", "{\"Select\":1}").state("Weird \"NS\"", "My Table é", "{}"));
    var v2 = catalog(stream("Weird \"NS\"", "My Table é",
        "{\"type\":\"object\",\"properties\":{\"Select\":{\"type\":\"string\"},\"new col\":{\"type\":\"boolean\"}}}",
        DestinationSyncMode.APPEND, null, null, 1, 0));
    write(v2, new Messages().record("Weird \"NS\"", "My Table é", "{\"Select\":\"two\",\"new col\":true}")
        .state("Weird \"NS\"", "My Table é", "{}"));
    assertThat(query("SELECT \"Select\" AS s, \"new col\" AS b FROM \"Weird \"\"NS\"\"\".\"My Table é\" ORDER BY _airbyte_extracted_at"))
        .extracting(r -> r.get("s") + "/" + r.get("b")).containsExactly("1/null", "two/true");
  }

  @Test
  void aRecordJustUnderTheSixteenMegabyteBoundLoads() throws Exception {
    // DuckDB's CSV reader refuses lines over 2 MB unless told otherwise; the kit takes records up to 16 MB
    String big = "\"quoted\", then " + "x,y ".repeat(15 * 1024 * 1024 / 4);
    var catalog = catalog(stream(null, "big", USERS, DestinationSyncMode.APPEND, null, null, 1, 0));
    write(catalog, new Messages().record(null, "big", "{\"id\":1,\"name\":\"" + big.replace("\"", "\\\"") + "\"}")
        .record(null, "big", "{\"id\":2,\"name\":\"small\"}")
        .state(null, "big", "{}").status(null, "big", "COMPLETE"));
    assertThat(query("SELECT id, name FROM main.big ORDER BY id"))
        .extracting(r -> r.get("id"), r -> r.get("name"))
        .containsExactly(org.assertj.core.groups.Tuple.tuple(1L, big), org.assertj.core.groups.Tuple.tuple(2L, "small"));
  }

  @Test
  void aStateIsEchoedOnlyOnceItsRecordsAreCommitted() throws Exception {
    var catalog = catalog(stream(null, "vis", USERS, DestinationSyncMode.APPEND, null, null, 1, 0));
    Messages input = new Messages();
    for (int batch = 1; batch <= 3; batch++) {
      for (int i = 0; i < 500; i++) {
        input.record(null, "vis", "{\"id\":" + (batch * 1000 + i) + "}");
      }
      input.state(null, "vis", "{\"batch\":" + batch + "}");
    }
    // what a reader of the file sees at the moment each state is echoed: every record before it. The
    // reader is a connection of its own (its own transaction) in the destination's process, the only
    // one DuckDB lets open the file meanwhile, opened as the destination opens it
    List<Object> visibleAtState = new java.util.ArrayList<>();
    DestinationRun run = DestinationRun.write(new DuckDbDestination(), dir, config(), catalog, input.toString(), line -> {
      if (line.contains("\"type\":\"STATE\"")) {
        try (Connection reader = DuckDbDestinationConfig.from(config()).connect()) {
          visibleAtState.add(JdbcRows.query(reader, "SELECT count(*) AS n FROM main.vis").get(0).get("n"));
        } catch (SQLException e) {
          visibleAtState.add(e.getMessage());
        }
      }
    });
    assertThat(run.exitCode).as(run.errorMessage()).isZero();
    assertThat(visibleAtState).containsExactly(500L, 1000L, 1500L);
    assertThat(run.states()).extracting(s -> s.at("/state/destinationStats/recordCount").asDouble())
        .containsExactly(500.0, 500.0, 500.0);
    assertThat(query("SELECT count(*) AS n FROM main.vis").get(0).get("n")).isEqualTo(1500L);
  }

  @Test
  void motherDuckPathsAndALockedFileGiveClearErrors() throws Exception {
    DestinationRun md = DestinationRun.write(new DuckDbDestination(), dir, Jsons.object().put("destination_path", "md:my_db"),
        catalog(stream(null, "t", USERS, DestinationSyncMode.APPEND, null, null, 1, 0)), "");
    assertThat(md.exitCode).isEqualTo(1);
    assertThat(md.errorMessage()).contains("MotherDuck is not supported");

    Path file = dir.resolve("locked.duckdb");
    Files.writeString(dir.resolve("locked.json"), Jsons.serialize(Jsons.object().put("destination_path", file.toString())));
    try (Connection holder = DriverManager.getConnection("jdbc:duckdb:" + file)) {
      Process check = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
          Path.of("target/destination-duckdb.jar").toAbsolutePath().toString(), "check", "--config",
          dir.resolve("locked.json").toString()).redirectErrorStream(false).start();
      String out = new String(check.getInputStream().readAllBytes());
      assertThat(check.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(out).contains("\"status\":\"FAILED\"").contains("in use by another process");
    }
  }

  private List<String> names(String sql) throws SQLException {
    return query(sql).stream().map(r -> (String) r.values().iterator().next()).toList();
  }

  private List<Map<String, Object>> query(String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + dir.resolve("warehouse/db.duckdb"))) {
      return JdbcRows.query(c, sql);
    }
  }
}
