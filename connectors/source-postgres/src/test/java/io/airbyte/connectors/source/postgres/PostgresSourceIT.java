package io.airbyte.connectors.source.postgres;

import static io.airbyte.connectors.source.postgres.SourceRun.file;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.airbyte.protocol.json.Jsons;
import io.airbyte.testsupport.postgres.PostgresExtension;
import io.airbyte.testsupport.postgres.PostgresTestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(PostgresExtension.class)
class PostgresSourceIT {

  private final PostgresTestDatabase db;
  @TempDir
  Path dir;

  PostgresSourceIT(PostgresTestDatabase db) {
    this.db = db;
  }

  @BeforeAll
  static void createTables(PostgresTestDatabase db) {
    db.execute(
        "CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy')",
        """
        CREATE TABLE all_types (
          id serial PRIMARY KEY, small smallint, big bigint, num numeric(30,10), num_any numeric, real_v real,
          dbl double precision, flag boolean, txt text, vc varchar(10), ch char(3), d date, t time, ttz timetz,
          ts timestamp, tstz timestamptz, js json, jsb jsonb, uid uuid, bin bytea, ints int[], texts text[],
          m mood, money_v money, iv interval, ip inet, bits bit(4), x xml)
        """,
        """
        INSERT INTO all_types (small, big, num, num_any, real_v, dbl, flag, txt, vc, ch, d, t, ttz, ts, tstz, js, jsb, uid,
          bin, ints, texts, m, money_v, iv, ip, bits, x) VALUES
          (-32768, 9223372036854775807, 12345678901234567890.0123456789, 'NaN', 1.5, 'Infinity', true,
           'tab\there "quoted" \\ back', 'ünïcødé', 'ab', '2024-02-29', '13:45:30.123456', '13:45:30+05:30',
           '2024-01-01 10:00:00.5', '2024-01-01 10:00:00.123456+02', '{"a": [1, "x"]}', '{"b": {"c": null}}',
           'c4ca4238-a0b9-3382-8dcc-509a6f75849b', '\\x000102ff', '{1,2,NULL}', '{"a b","c,d",NULL}', 'happy',
           12.34, '1 day 02:00:00', '192.168.0.1', B'1010', '<a>x</a>'),
          (NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, '0044-03-15 BC', NULL, NULL,
           '0044-03-15 12:00:00 BC', 'infinity', NULL, NULL, NULL, NULL, '{}', NULL, NULL, NULL, NULL, NULL, NULL, NULL)
        """,
        "CREATE VIEW v_types AS SELECT id, txt FROM all_types",
        "CREATE TABLE \"Weird Table \"\"x\"\" é\" (\"Select\" int PRIMARY KEY, \"my col\" text, \"ÜBER\" text)",
        "INSERT INTO \"Weird Table \"\"x\"\" é\" VALUES (1, 'a', 'b')",
        "CREATE TABLE events (id int PRIMARY KEY, name text, updated_at timestamptz)",
        "INSERT INTO events SELECT g, 'e' || g, timestamptz '2024-01-01' + g * interval '1 minute' FROM generate_series(1, 10) g",
        "CREATE TABLE big (id int PRIMARY KEY, payload text)",
        "INSERT INTO big SELECT g, md5(g::text) FROM generate_series(1, 5000) g",
        "CREATE TABLE nokey (a int, b text)",
        "INSERT INTO nokey SELECT g, 'n' || g FROM generate_series(1, 3000) g",
        "ANALYZE");
  }

  private ObjectNode config() {
    ObjectNode config = Jsons.object().put("host", db.host()).put("port", db.port()).put("database", db.databaseName())
        .put("username", db.username()).put("password", db.password());
    config.putArray("schemas").add("public");
    config.putObject("ssl_mode").put("mode", "disable");
    config.putObject("tunnel_method").put("tunnel_method", "NO_TUNNEL");
    return config;
  }

  private SourceRun run(PostgresSource source, String... args) {
    return SourceRun.run(source, dir, args);
  }

  @Test
  void checkTellsWhatIsWrong() throws Exception {
    assertThat(run(new PostgresSource(), "check", "--config", file(dir, "ok.json", config())).connectionStatus())
        .isEqualTo("SUCCEEDED");
    SourceRun badPassword = run(new PostgresSource(), "check", "--config", file(dir, "pw.json", config().put("password", "nope")));
    assertThat(badPassword.connectionStatus()).isEqualTo("FAILED");
    assertThat(badPassword.connectionMessage()).contains("Authentication failed").contains("password authentication failed");
    SourceRun badDb = run(new PostgresSource(), "check", "--config", file(dir, "db.json", config().put("database", "nowhere")));
    assertThat(badDb.connectionMessage()).contains("nowhere").contains("does not exist");
    SourceRun badPort = run(new PostgresSource(), "check", "--config", file(dir, "port.json", config().put("port", 1)));
    assertThat(badPort.connectionStatus()).isEqualTo("FAILED");
    assertThat(badPort.connectionMessage()).contains("Connection to the database failed");
    ObjectNode badSchema = config();
    badSchema.putArray("schemas").add("public").add("sales");
    assertThat(run(new PostgresSource(), "check", "--config", file(dir, "schema.json", badSchema)).connectionMessage())
        .contains("[sales]").contains("do not exist");
  }

  @Test
  void aHostThatDoesNotResolveFailsCheckNamingTheHost() throws Exception {
    SourceRun unknown = run(new PostgresSource(), "check", "--config", file(dir, "host.json",
        config().put("host", "apifuzz-no-such-host.invalid")));
    assertThat(unknown.connectionStatus()).isEqualTo("FAILED");
    assertThat(unknown.connectionMessage()).contains("'apifuzz-no-such-host.invalid'").contains("no such host")
        .doesNotContain("The connection attempt failed");
  }

  @Test
  void discoverDescribesEveryColumnWithWellKnownTypes() throws Exception {
    SourceRun discover = run(new PostgresSource(), "discover", "--config", file(dir, "c.json", config()));
    assertThat(discover.exitCode).isZero();
    JsonNode streams = discover.ofType("CATALOG").get(0).at("/catalog/streams");
    JsonNode allTypes = find(streams, "all_types");
    JsonNode p = allTypes.at("/json_schema/properties");
    assertThat(p.get("small")).isEqualTo(Jsons.deserialize("{\"type\":\"number\",\"airbyte_type\":\"integer\"}"));
    assertThat(p.get("num")).isEqualTo(Jsons.deserialize("{\"type\":\"number\"}"));
    assertThat(p.get("flag")).isEqualTo(Jsons.deserialize("{\"type\":\"boolean\"}"));
    assertThat(p.get("d")).isEqualTo(Jsons.deserialize("{\"type\":\"string\",\"format\":\"date\"}"));
    assertThat(p.at("/tstz/airbyte_type").asText()).isEqualTo("timestamp_with_timezone");
    assertThat(p.at("/ts/airbyte_type").asText()).isEqualTo("timestamp_without_timezone");
    assertThat(p.at("/ttz/airbyte_type").asText()).isEqualTo("time_with_timezone");
    assertThat(p.at("/t/airbyte_type").asText()).isEqualTo("time_without_timezone");
    assertThat(p.get("jsb")).isEqualTo(Jsons.object());
    assertThat(p.get("bin")).isEqualTo(Jsons.deserialize("{\"type\":\"string\",\"contentEncoding\":\"base64\"}"));
    assertThat(p.get("ints")).isEqualTo(Jsons.deserialize("{\"type\":\"array\",\"items\":{\"type\":\"number\",\"airbyte_type\":\"integer\"}}"));
    assertThat(p.get("m")).isEqualTo(Jsons.deserialize("{\"type\":\"string\",\"enum\":[\"sad\",\"ok\",\"happy\"]}"));
    assertThat(p.get("uid").get("type").asText()).isEqualTo("string");
    assertThat(allTypes.get("source_defined_primary_key")).isEqualTo(Jsons.deserialize("[[\"id\"]]"));
    assertThat(allTypes.get("supported_sync_modes")).isEqualTo(Jsons.deserialize("[\"full_refresh\",\"incremental\"]"));
    assertThat(allTypes.get("is_resumable").asBoolean()).isTrue();
    assertThat(allTypes.get("namespace").asText()).isEqualTo("public");
    JsonNode view = find(streams, "v_types");
    assertThat(view.get("is_resumable").asBoolean()).isFalse();
    assertThat(find(streams, "Weird Table \"x\" é").at("/json_schema/properties").has("ÜBER")).isTrue();
  }

  @Test
  void tablesTheUserMayNotReadAreNotOffered() throws Exception {
    // a table of the superuser, not granted to the connector's role
    try (Connection admin = java.sql.DriverManager.getConnection(
        "jdbc:postgresql://localhost:" + db.port() + "/" + db.databaseName() + "?user=postgres");
        Statement s = admin.createStatement()) {
      s.execute("CREATE TABLE IF NOT EXISTS secret_table (x int)");
    }
    SourceRun discover = run(new PostgresSource(), "discover", "--config", file(dir, "c.json", config()));
    assertThat(discover.ofType("CATALOG").get(0).at("/catalog/streams").findValuesAsText("name"))
        .contains("all_types").doesNotContain("secret_table");
  }

  @Test
  void fullRefreshWritesEveryTypeAsAirbyteExpectsIt() throws Exception {
    SourceRun read = read(new PostgresSource(), catalog("all_types", "full_refresh", null), null);
    assertThat(read.exitCode).isZero();
    JsonNode row = read.records().get(0);
    assertThat(row.get("small").asInt()).isEqualTo(-32768);
    assertThat(row.get("big").asLong()).isEqualTo(Long.MAX_VALUE);
    assertThat(row.get("num").toString()).isEqualTo("12345678901234567890.0123456789");
    assertThat(row.get("num_any").asText()).isEqualTo("NaN");
    assertThat(row.get("real_v").asDouble()).isEqualTo(1.5);
    assertThat(row.get("dbl").asText()).isEqualTo("Infinity");
    assertThat(row.get("flag").asBoolean()).isTrue();
    assertThat(row.get("txt").asText()).isEqualTo("tab\there \"quoted\" \\ back");
    assertThat(row.get("vc").asText()).isEqualTo("ünïcødé");
    assertThat(row.get("ch").asText()).isEqualTo("ab ");
    assertThat(row.get("d").asText()).isEqualTo("2024-02-29");
    assertThat(row.get("t").asText()).isEqualTo("13:45:30.123456");
    assertThat(row.get("ttz").asText()).isEqualTo("13:45:30+05:30");
    assertThat(row.get("ts").asText()).isEqualTo("2024-01-01T10:00:00.5");
    assertThat(row.get("tstz").asText()).isEqualTo("2024-01-01T08:00:00.123456Z");
    assertThat(row.get("js")).isEqualTo(Jsons.deserialize("{\"a\": [1, \"x\"]}"));
    assertThat(row.get("jsb")).isEqualTo(Jsons.deserialize("{\"b\": {\"c\": null}}"));
    assertThat(row.get("uid").asText()).isEqualTo("c4ca4238-a0b9-3382-8dcc-509a6f75849b");
    assertThat(row.get("bin").asText()).isEqualTo("AAEC/w==");
    assertThat(row.get("ints")).isEqualTo(Jsons.deserialize("[1,2,null]"));
    assertThat(row.get("texts")).isEqualTo(Jsons.deserialize("[\"a b\",\"c,d\",null]"));
    assertThat(row.get("m").asText()).isEqualTo("happy");
    assertThat(row.get("money_v").asText()).isEqualTo("$12.34");
    assertThat(row.get("iv").asText()).isEqualTo("1 day 02:00:00");
    assertThat(row.get("ip").asText()).isEqualTo("192.168.0.1");
    assertThat(row.get("bits").asText()).isEqualTo("1010");
    assertThat(row.get("x").asText()).isEqualTo("<a>x</a>");
    JsonNode second = read.records().get(1);
    assertThat(second.get("d").asText()).isEqualTo("0044-03-15 BC");
    assertThat(second.get("ts").asText()).isEqualTo("0044-03-15T12:00:00 BC");
    assertThat(second.get("tstz").asText()).isEqualTo("infinity");
    assertThat(second.get("small").isNull()).isTrue();
    assertThat(second.get("ints")).isEqualTo(Jsons.deserialize("[]"));
    assertThat(read.statuses()).containsExactly("STARTED", "RUNNING", "COMPLETE");
    assertThat(read.ofType("TRACE")).anySatisfy(m -> assertThat(m.at("/trace/type").asText()).isEqualTo("ESTIMATE"));
  }

  @Test
  void weirdIdentifiersWork() throws Exception {
    SourceRun read = read(new PostgresSource(), catalog("Weird Table \"x\" é", "full_refresh", null), null);
    assertThat(read.exitCode).isZero();
    assertThat(read.records()).containsExactly(Jsons.deserialize("{\"Select\":1,\"my col\":\"a\",\"ÜBER\":\"b\"}"));
  }

  @Test
  void incrementalReadsNewRowsAndRereadsOnlyTheBoundary() throws Exception {
    db.execute("CREATE TABLE inc (id int PRIMARY KEY, name text, updated_at timestamptz)",
        "INSERT INTO inc VALUES (1, 'a', '2024-01-01 00:00:01'), (2, 'b', '2024-01-01 00:00:02'),"
            + " (3, 'c', '2024-01-01 00:00:03'), (4, 'd', '2024-01-01 00:00:03'), (5, 'null cursor', NULL)");
    var catalog = catalog("inc", "incremental", "updated_at");
    SourceRun first = read(new PostgresSource(), catalog, null);
    assertThat(ids(first)).containsExactly(1, 2, 3, 4);
    JsonNode state = first.states().get(first.states().size() - 1).at("/stream/stream_state");
    assertThat(state.get("cursor").asText()).isEqualTo("2024-01-01 00:00:03+00");
    assertThat(state.get("cursor_record_count").asInt()).isEqualTo(2);

    SourceRun unchanged = read(new PostgresSource(), catalog, first.stateFile());
    assertThat(ids(unchanged)).as("only the boundary rows again").containsExactlyInAnyOrder(3, 4);

    db.execute("INSERT INTO inc VALUES (6, 'same cursor, late', '2024-01-01 00:00:03'), (7, 'new', '2024-01-01 00:00:04')",
        "UPDATE inc SET name = 'b2', updated_at = '2024-01-01 00:00:05' WHERE id = 2");
    SourceRun second = read(new PostgresSource(), catalog, unchanged.stateFile());
    assertThat(ids(second)).containsExactlyInAnyOrder(3, 4, 6, 7, 2);
    assertThat(second.records()).anySatisfy(r -> assertThat(r.get("name").asText()).isEqualTo("b2"));
  }

  @Test
  void rowsCommittedLateWithAnOlderCursorAreNotLost() throws Exception {
    db.execute("CREATE TABLE late (id int PRIMARY KEY, updated_at timestamptz)",
        "INSERT INTO late VALUES (1, '2024-01-01 00:00:01'), (2, '2024-01-01 00:00:02')");
    var catalog = catalog("late", "incremental", "updated_at");
    try (Connection writer = db.connection()) {
      writer.setAutoCommit(false);
      try (Statement s = writer.createStatement()) {
        // a transaction that started "earlier": its row's cursor is below what the read will see
        s.execute("INSERT INTO late VALUES (3, '2024-01-01 00:00:01.5')");
      }
      db.execute("INSERT INTO late VALUES (4, '2024-01-01 00:00:09')");
      SourceRun first = read(new PostgresSource(), catalog, null);
      assertThat(ids(first)).containsExactly(1, 2, 4);
      assertThat(first.states().get(0).at("/stream/stream_state/pending_xids")).isNotEmpty();
      writer.commit();
      SourceRun second = read(new PostgresSource(), catalog, first.stateFile());
      assertThat(ids(second)).as("the late row, then the boundary").containsExactly(3, 4);
      SourceRun third = read(new PostgresSource(), catalog, second.stateFile());
      assertThat(ids(third)).containsExactly(4);
    }
  }

  @Test
  void aFullRefreshKilledMidStreamResumesWithoutLosingRows() throws Exception {
    for (String table : List.of("big", "nokey")) {
      for (boolean ctid : List.of(true, false)) {
        if (!ctid && table.equals("nokey")) {
          continue; // without a primary key, only ctid ranges make it resumable
        }
        PostgresSource source = new PostgresSource(700);
        var catalog = catalog(table, "full_refresh", null);
        SourceRun crashed = SourceRun.run(source, dir, 3, "read", "--config", file(dir, "c.json", config()),
            "--catalog", file(dir, "cat.json", catalog));
        assertThat(crashed.exitCode).isEqualTo(1);
        assertThat(crashed.states()).hasSize(3);
        SourceRun resumed = read(source, catalog, crashed.stateFile());
        assertThat(resumed.exitCode).isZero();
        Set<Integer> seen = new HashSet<>();
        String key = table.equals("big") ? "id" : "a";
        crashed.records().forEach(r -> seen.add(r.get(key).asInt()));
        resumed.records().forEach(r -> seen.add(r.get(key).asInt()));
        int expected = table.equals("big") ? 5000 : 3000;
        assertThat(seen).as(table).hasSize(expected);
        assertThat(resumed.records().size()).as("resumed, not restarted").isLessThan(expected - 1000);
        SourceRun newSync = read(source, catalog(table, "full_refresh", null, 2L), resumed.stateFile());
        assertThat(newSync.records()).as("another sync reads everything").hasSize(expected);
      }
    }
  }

  private SourceRun read(PostgresSource source, JsonNode catalog, String state) throws Exception {
    List<String> args = new ArrayList<>(List.of("read", "--config", file(dir, "c.json", config()),
        "--catalog", file(dir, "cat.json", catalog)));
    if (state != null) {
      args.addAll(List.of("--state", file(dir, "state.json", state)));
    }
    return SourceRun.run(source, dir, args.toArray(String[]::new));
  }

  private JsonNode catalog(String table, String mode, String cursor) throws Exception {
    return catalog(table, mode, cursor, 1L);
  }

  private JsonNode catalog(String table, String mode, String cursor, Long syncId) throws Exception {
    SourceRun discover = run(new PostgresSource(), "discover", "--config", file(dir, "d.json", config()));
    JsonNode stream = find(discover.ofType("CATALOG").get(0).at("/catalog/streams"), table);
    ObjectNode configured = Jsons.object();
    configured.set("stream", stream);
    configured.put("sync_mode", mode).put("destination_sync_mode", "append").put("sync_id", syncId);
    if (cursor != null) {
      configured.putArray("cursor_field").add(cursor);
    }
    ObjectNode catalog = Jsons.object();
    catalog.putArray("streams").add(configured);
    return catalog;
  }

  private static JsonNode find(JsonNode streams, String name) {
    for (JsonNode s : streams) {
      if (s.get("name").asText().equals(name)) {
        return s;
      }
    }
    throw new AssertionError("no stream " + name + " in " + streams);
  }

  private static List<Integer> ids(SourceRun run) {
    return run.records().stream().map(r -> r.get("id").asInt()).toList();
  }

  /** A database that is not there (a refused port) is traced as transient, so a sync retries; a wrong config is not. */
  @Test
  void aFailedCheckTracesATransientErrorOnlyWhenTheConfigIsNotAtFault() throws Exception {
    SourceRun refused = run(new PostgresSource(), "check", "--config", file(dir, "refused.json", config().put("port", 1)));
    assertThat(refused.connectionStatus()).isEqualTo("FAILED");
    assertThat(refused.ofType("TRACE")).singleElement()
        .satisfies(m -> assertThat(m.at("/trace/error/failure_type").asText()).isEqualTo("transient_error"));
    SourceRun badPassword = run(new PostgresSource(), "check", "--config", file(dir, "wrong.json", config().put("password", "nope")));
    SourceRun badDb = run(new PostgresSource(), "check", "--config", file(dir, "nodb.json", config().put("database", "nowhere")));
    for (SourceRun configError : List.of(badPassword, badDb)) {
      assertThat(configError.connectionStatus()).isEqualTo("FAILED");
      assertThat(configError.ofType("TRACE")).as("a config error is the FAILED status alone").isEmpty();
    }
  }
}
