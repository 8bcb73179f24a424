package io.airbyte.connectors.source.postgres;

import static io.airbyte.connectors.source.postgres.SourceRun.file;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.airbyte.protocol.json.Jsons;
import io.airbyte.testsupport.postgres.EmbeddedPostgresServer;
import io.airbyte.testsupport.postgres.PostgresExtension;
import io.airbyte.testsupport.postgres.PostgresTestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * CDC against a real PostgreSQL with wal_level=logical: a slot (pgoutput) and a publication per
 * test. The records are applied as a deduplicated destination applies them (per primary key the
 * newest by {@code _ab_cdc_lsn}, then arrival; a delete removes the key), and the result is
 * compared with the source table row for row.
 */
@ExtendWith(PostgresExtension.class)
class PostgresCdcIT {

  private final PostgresTestDatabase db;
  @TempDir
  Path dir;
  private String slot;

  PostgresCdcIT(PostgresTestDatabase db) {
    this.db = db;
  }

  @BeforeEach
  void setUp() throws Exception {
    slot = "slot_" + Long.toHexString(System.nanoTime());
    admin("ALTER ROLE " + db.username() + " REPLICATION");
    db.execute("DROP TABLE IF EXISTS a, b, other CASCADE", "DROP PUBLICATION IF EXISTS pub",
        "CREATE TABLE a (id int PRIMARY KEY, name text, amount numeric, tags text[], doc text)",
        "CREATE TABLE b (id int PRIMARY KEY, label text, at timestamptz)",
        "CREATE TABLE other (id int PRIMARY KEY)",
        "INSERT INTO a SELECT g, 'a' || g, g * 1.5, ARRAY['x', 'y z'], NULL FROM generate_series(1, 500) g",
        "INSERT INTO b SELECT g, 'b' || g, timestamptz '2024-01-01 00:00:00+00' + g * interval '1 hour' FROM generate_series(1, 300) g",
        "CREATE PUBLICATION pub FOR TABLE a, b",
        "SELECT pg_create_logical_replication_slot('" + slot + "', 'pgoutput')");
  }

  @AfterEach
  void dropSlot() {
    admin("SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots WHERE slot_name = '" + slot + "'");
  }

  @Test
  void insertsUpdatesAndDeletesAcrossTwoSyncsLeaveADedupedCopyEqualToTheSource() throws Exception {
    Replica replica = new Replica();
    // changes after the slot was made and before the first read: in the initial load, not applied twice
    db.execute("UPDATE a SET name = 'before load' WHERE id = 1", "DELETE FROM b WHERE id = 300");
    SourceRun first = read(catalog("a", "b"), null);
    assertThat(first.exitCode).isZero();
    assertThat(first.states()).allSatisfy(s -> assertThat(s.get("type").asText()).isEqualTo("GLOBAL"));
    assertThat(first.records()).hasSize(799);
    assertThat(first.records().get(0).has("_ab_cdc_lsn")).isTrue();
    replica.apply(first);
    assertEqual(replica);

    db.execute("INSERT INTO a VALUES (1001, 'new', 2.5, '{}', 'd')",
        "UPDATE a SET name = 'updated', amount = amount + 1 WHERE id % 10 = 0",
        "DELETE FROM a WHERE id BETWEEN 100 AND 149",
        "UPDATE b SET label = 'moved' WHERE id = 5",
        "BEGIN; DELETE FROM a WHERE id = 2; UPDATE b SET label = 'same txn' WHERE id = 6; INSERT INTO b VALUES (1000, 'x', now()); COMMIT",
        "UPDATE a SET id = 5000 WHERE id = 3"); // a key change: delete of 3, row 5000
    SourceRun second = read(catalog("a", "b"), first.stateFile());
    assertThat(second.exitCode).isZero();
    List<JsonNode> deletes = second.records().stream().filter(r -> !r.get("_ab_cdc_deleted_at").isNull()).toList();
    assertThat(deletes).extracting(r -> r.get("id").asInt()).contains(2, 3, 100, 149);
    List<JsonNode> sameTxn = second.records().stream().filter(r -> r.path("label").asText().equals("same txn")
        || (r.get("id").asInt() == 2 && !r.get("_ab_cdc_deleted_at").isNull())).toList();
    assertThat(sameTxn).hasSize(2).extracting(r -> r.get("_ab_cdc_lsn").asLong()).containsOnly(
        sameTxn.get(0).get("_ab_cdc_lsn").asLong());
    replica.apply(second);
    assertEqual(replica);

    SourceRun quiet = read(catalog("a", "b"), second.stateFile());
    assertThat(quiet.records()).as("no change since the last sync").isEmpty();
    assertThat(lastLsn(quiet)).as("the position still moves on a quiet database").isGreaterThan(lastLsn(second));
  }

  /** A writer that never stops: the read ends at the position current at its start, with what came before it. */
  @Test
  void aReadEndsOnABusyDatabase() throws Exception {
    SourceRun first = read(catalog("a", "b"), null);
    java.util.concurrent.atomic.AtomicBoolean writing = new java.util.concurrent.atomic.AtomicBoolean(true);
    java.util.concurrent.atomic.AtomicInteger written = new java.util.concurrent.atomic.AtomicInteger();
    Thread writer = new Thread(() -> {
      try (Connection c = db.connection(); Statement s = c.createStatement()) {
        for (int id = 100_000; writing.get(); id++) {
          s.execute("INSERT INTO b VALUES (" + id + ", 'busy', now())");
          written.incrementAndGet();
        }
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    writer.start();
    while (written.get() < 500) {
      Thread.sleep(10);
    }
    int before = written.get();
    SourceRun busy;
    try {
      busy = read(catalog("a", "b"), first.stateFile());
    } finally {
      writing.set(false);
      writer.join();
    }
    assertThat(busy.exitCode).isZero();
    assertThat(busy.records().size()).as("every insert committed before the read started").isGreaterThanOrEqualTo(before)
        .as("and not the endless rest").isLessThan(written.get());
  }

  @Test
  void theSlotAdvancesOnlyToWhatTheNextSyncIsGivenAsCommitted() throws Exception {
    long created = confirmedFlush();
    SourceRun first = read(catalog("a", "b"), null);
    assertThat(confirmedFlush()).as("a read confirms nothing it emitted").isEqualTo(created);
    db.execute("UPDATE a SET name = 'x' WHERE id < 50");
    SourceRun second = read(catalog("a", "b"), first.stateFile());
    assertThat(confirmedFlush()).as("the next read confirms the position of the state it was given")
        .isEqualTo(lastLsn(first)).isLessThan(lastLsn(second));
    // the destination did not commit the second read's state: the third read gets the first's again
    SourceRun again = read(catalog("a", "b"), first.stateFile());
    assertThat(again.records()).extracting(r -> r.get("id").asInt()).containsAll(
        second.records().stream().map(r -> r.get("id").asInt()).toList());
    SourceRun whileReading = read(config(c -> c.put("lsn_commit_behaviour", "While reading Data")), catalog("a", "b"),
        again.stateFile());
    assertThat(confirmedFlush()).as("'While reading Data' confirms each state as it is emitted")
        .isEqualTo(lastLsn(whileReading));
  }

  @Test
  void aLargeTransactionAndToastedValuesAcrossUpdates() throws Exception {
    // ~13 kB of random hex: stays large when compressed, so it is TOASTed out of line
    String big = "(SELECT string_agg(md5(random()::text || g), '') FROM generate_series(1, 400 + id - id) g)";
    db.execute("UPDATE a SET doc = " + big + " WHERE id <= 20");
    Replica replica = new Replica();
    SourceRun first = read(catalog("a", "b"), null);
    replica.apply(first);
    db.execute("INSERT INTO b SELECT g, 'bulk', now() FROM generate_series(10001, 110000) g", // 100k rows, one transaction
        "UPDATE a SET name = 'doc unchanged' WHERE id <= 10", // REPLICA IDENTITY DEFAULT: the slot omits doc
        "ALTER TABLE a REPLICA IDENTITY FULL",
        "UPDATE a SET name = 'doc unchanged, full' WHERE id BETWEEN 11 AND 20");
    SourceRun second = read(catalog("a", "b"), first.stateFile());
    assertThat(second.exitCode).isZero();
    assertThat(second.records().stream().filter(r -> r.path("label").asText().equals("bulk"))).hasSize(100_000);
    assertThat(second.records().stream().filter(r -> r.path("name").asText().startsWith("doc unchanged")))
        .hasSize(20).allSatisfy(r -> assertThat(r.get("doc").asText()).hasSizeGreaterThan(10_000));
    replica.apply(second);
    assertEqual(replica);
  }

  @Test
  void aReadKilledMidStreamResumesFromItsLastStateWithoutLoss() throws Exception {
    Replica replica = new Replica();
    SourceRun first = read(catalog("a", "b"), null);
    replica.apply(first);
    for (int i = 0; i < 5; i++) {
      db.execute("INSERT INTO b SELECT g, 'batch " + i + "', now() FROM generate_series(" + (20_000 + i * 12_000) + ", "
          + (20_000 + i * 12_000 + 11_999) + ") g", "DELETE FROM a WHERE id % 5 = " + i);
    }
    SourceRun crashed = SourceRun.run(new PostgresSource(), dir, 2, readArgs(catalog("a", "b"), first.stateFile()));
    assertThat(crashed.exitCode).isNotZero();
    assertThat(crashed.states()).hasSize(2);
    // the destination committed what came before the last state it got
    replica.apply(crashed);
    SourceRun resumed = read(catalog("a", "b"), Jsons.serialize(List.of(crashed.states().get(1))));
    assertThat(resumed.exitCode).isZero();
    replica.apply(resumed);
    assertEqual(replica);
  }

  @Test
  void aLostPositionFailsTheSyncOrLoadsEverythingAgainAsConfigured() throws Exception {
    SourceRun first = read(catalog("a", "b"), null);
    db.execute("UPDATE a SET name = 'lost' WHERE id = 1");
    admin("SELECT pg_drop_replication_slot('" + slot + "')");
    db.execute("SELECT pg_create_logical_replication_slot('" + slot + "', 'pgoutput')");
    db.execute("UPDATE a SET name = 'after' WHERE id = 2");
    SourceRun failed = read(catalog("a", "b"), first.stateFile());
    assertThat(failed.exitCode).isNotZero();
    assertThat(errorMessage(failed)).contains("saved position of replication slot '" + slot + "' is no longer available")
        .contains("invalid_cdc_cursor_position_behavior");
    SourceRun resync = read(config(c -> c.put("invalid_cdc_cursor_position_behavior", "Re-sync data")),
        catalog("a", "b"), first.stateFile());
    assertThat(resync.exitCode).isZero();
    assertThat(resync.records()).hasSize(800);
  }

  /** A slot whose WAL was removed (max_slot_wal_keep_size exceeded), on a server of the test's own. */
  @Test
  void aSlotWhoseWalWasRemovedFailsWithAClearMessage(@TempDir Path data) throws Exception {
    try (EmbeddedPostgresServer server = EmbeddedPostgresServer.dedicated(data);
        PostgresTestDatabase own = server.createDatabase()) {
      try (Connection c = server.adminDataSource().getConnection(); Statement s = c.createStatement()) {
        s.execute("ALTER SYSTEM SET max_slot_wal_keep_size = '1MB'");
        s.execute("SELECT pg_reload_conf()");
        s.execute("ALTER ROLE " + own.username() + " REPLICATION");
      }
      own.execute("CREATE TABLE a (id int PRIMARY KEY, name text)", "INSERT INTO a VALUES (1, 'one')",
          "CREATE PUBLICATION pub FOR TABLE a", "SELECT pg_create_logical_replication_slot('lost_slot', 'pgoutput')");
      ObjectNode config = config(c -> c.put("replication_slot", "lost_slot"));
      config.put("port", own.port()).put("database", own.databaseName()).put("username", own.username())
          .put("password", own.password());
      JsonNode catalog = Jsons.deserialize(catalog("a").toString().replace(db.databaseName(), own.databaseName()));
      SourceRun first = read(config, catalog, null);
      assertThat(first.exitCode).isZero();
      try (Connection c = server.adminDataSource().getConnection(); Statement s = c.createStatement()) {
        for (int i = 0; i < 4; i++) { // WAL past the slot's allowance, then a checkpoint removes it
          own.execute("INSERT INTO a SELECT g, repeat('x', 100) FROM generate_series(" + (i * 20_000 + 10) + ", "
              + (i * 20_000 + 20_009) + ") g");
          s.execute("SELECT pg_switch_wal()");
        }
        s.execute("CHECKPOINT");
        try (ResultSet rs = s.executeQuery("SELECT wal_status FROM pg_replication_slots WHERE slot_name = 'lost_slot'")) {
          rs.next();
          assertThat(rs.getString(1)).as("the slot's WAL is gone").isEqualTo("lost");
        }
      }
      SourceRun failed = read(config, catalog, first.stateFile());
      assertThat(failed.exitCode).isNotZero();
      assertThat(errorMessage(failed)).contains("the WAL it needs was removed");
    }
  }

  @Test
  void checkNamesWhatIsMissing() throws Exception {
    assertThat(check(config(c -> { })).connectionStatus()).isEqualTo("SUCCEEDED");
    SourceRun noSlot = check(config(c -> c.put("replication_slot", "nope")));
    assertThat(noSlot.connectionMessage()).contains("replication slot 'nope'").contains("pg_create_logical_replication_slot");
    SourceRun noPub = check(config(c -> c.put("publication", "nopub")));
    assertThat(noPub.connectionMessage()).contains("publication 'nopub'").contains("CREATE PUBLICATION");
    admin("ALTER ROLE " + db.username() + " NOREPLICATION");
    try {
      assertThat(check(config(c -> { })).connectionMessage()).contains("may not replicate").contains("REPLICATION");
    } finally {
      admin("ALTER ROLE " + db.username() + " REPLICATION");
    }
    SourceRun badOption = check(config(c -> c.put("queue_size", 5)));
    assertThat(badOption.connectionMessage()).contains("replication_method.queue_size");
  }

  @Test
  void aTableOutsideThePublicationIsFullRefreshOnlyAndAnAddedTableIsDiscovered() throws Exception {
    JsonNode streams = discover().at("/catalog/streams");
    JsonNode a = find(streams, "a");
    assertThat(a.get("source_defined_cursor").asBoolean()).isTrue();
    assertThat(a.at("/default_cursor_field/0").asText()).isEqualTo("_ab_cdc_lsn");
    assertThat(a.at("/json_schema/properties/_ab_cdc_deleted_at/type").asText()).isEqualTo("string");
    assertThat(find(streams, "other").get("supported_sync_modes")).extracting(JsonNode::asText).containsExactly("full_refresh");
    SourceRun notPublished = read(catalog("a", "other"), null);
    assertThat(errorMessage(notPublished)).contains("not in publication 'pub'").contains("ALTER PUBLICATION");
    db.execute("ALTER PUBLICATION pub ADD TABLE other", "INSERT INTO other VALUES (1), (2)",
        "ALTER TABLE a ADD COLUMN extra text", "UPDATE a SET extra = 'new column' WHERE id = 7");
    assertThat(find(discover().at("/catalog/streams"), "other").get("supported_sync_modes")).hasSize(2);
    SourceRun withOther = read(catalog("a", "other"), null);
    assertThat(withOther.exitCode).isZero();
    assertThat(withOther.records().stream().filter(r -> r.has("extra") && "new column".equals(r.get("extra").asText())))
        .hasSize(1);
  }

  @Test
  void everyTypeReadsTheSameFromTheSlotAsFromTheInitialLoad() throws Exception {
    db.execute("DROP TABLE IF EXISTS all_types", "DROP TYPE IF EXISTS mood",
        "CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy')",
        """
        CREATE TABLE all_types (
          id int PRIMARY KEY, small smallint, big bigint, num numeric(30,10), num_any numeric, real_v real,
          dbl double precision, flag boolean, txt text, vc varchar(10), ch char(3), d date, t time, ttz timetz,
          ts timestamp, tstz timestamptz, js json, jsb jsonb, uid uuid, bin bytea, ints int[], texts text[],
          m mood, money_v money, iv interval, ip inet, bits bit(4), x xml, tss timestamptz[])
        """,
        "ALTER PUBLICATION pub ADD TABLE all_types");
    String values = """
        (%d, -32768, 9223372036854775807, 12345678901234567890.0123456789, 'NaN', 1.5, 'Infinity', true,
         E'tab\there "quoted" \\\\ back\nline', 'ünïcødé', 'ab', '2024-02-29', '13:45:30.123456', '13:45:30+05:30',
         '2024-01-01 10:00:00.5', '2024-01-01 10:00:00.123456+02', '{"a": [1, "x"]}', '{"b": {"c": null}}',
         'c4ca4238-a0b9-3382-8dcc-509a6f75849b', '\\x000102ff', '{1,2,NULL}', '{"a b","c,d",NULL}', 'happy',
         12.34, '1 day 02:00:00', '192.168.0.1', B'1010', '<a>x</a>', '{"2024-01-01 10:00:00+00"}'),
        (%d, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, '0044-03-15 BC', NULL, NULL,
         '0044-03-15 12:00:00 BC', 'infinity', NULL, NULL, NULL, NULL, '{}', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL)
        """;
    db.execute("INSERT INTO all_types VALUES " + values.formatted(1, 2));
    SourceRun load = read(catalog("all_types"), null);
    db.execute("INSERT INTO all_types VALUES " + values.formatted(11, 12));
    SourceRun changes = read(catalog("all_types"), load.stateFile());
    assertThat(load.records()).hasSize(2);
    assertThat(changes.records()).hasSize(2);
    for (int i = 0; i < 2; i++) {
      ObjectNode loaded = (ObjectNode) load.records().get(i).deepCopy();
      ObjectNode changed = (ObjectNode) changes.records().get(i).deepCopy();
      for (String field : List.of("id", "_ab_cdc_lsn", "_ab_cdc_updated_at")) {
        loaded.remove(field);
        changed.remove(field);
      }
      assertThat(changed).as("row " + i + " from the slot against the initial load").isEqualTo(loaded);
    }
  }

  // --- helpers

  private long confirmedFlush() throws Exception {
    try (Connection c = db.connection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
        "SELECT confirmed_flush_lsn - '0/0'::pg_lsn FROM pg_replication_slots WHERE slot_name = '" + slot + "'")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static long lastLsn(SourceRun run) {
    List<JsonNode> states = run.states();
    return states.get(states.size() - 1).at("/global/shared_state/lsn").asLong();
  }

  private static String errorMessage(SourceRun run) {
    return run.ofType("TRACE").stream().filter(m -> m.at("/trace/type").asText().equals("ERROR"))
        .map(m -> m.at("/trace/error/message").asText()).findFirst().orElse("");
  }

  private void admin(String sql) {
    try (Connection c = EmbeddedPostgresServer.get().adminDataSource().getConnection(); Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (Exception e) {
      throw new IllegalStateException(sql, e);
    }
  }

  private ObjectNode config(java.util.function.Consumer<ObjectNode> method) {
    ObjectNode config = Jsons.object().put("host", db.host()).put("port", db.port()).put("database", db.databaseName())
        .put("username", db.username()).put("password", db.password());
    config.putArray("schemas").add("public");
    config.putObject("ssl_mode").put("mode", "disable");
    ObjectNode replication = config.putObject("replication_method").put("method", "CDC").put("plugin", "pgoutput")
        .put("replication_slot", slot).put("publication", "pub");
    method.accept(replication);
    return config;
  }

  private SourceRun check(JsonNode config) throws Exception {
    return SourceRun.run(new PostgresSource(), dir, "check", "--config", file(dir, "check.json", config));
  }

  private JsonNode discover() throws Exception {
    SourceRun run = SourceRun.run(new PostgresSource(), dir, "discover", "--config", file(dir, "d.json", config(c -> { })));
    return run.ofType("CATALOG").get(0);
  }

  private JsonNode catalog(String... tables) throws Exception {
    JsonNode streams = discover().at("/catalog/streams");
    ObjectNode catalog = Jsons.object();
    var configured = catalog.putArray("streams");
    for (String table : tables) {
      ObjectNode stream = configured.addObject();
      stream.set("stream", find(streams, table));
      stream.put("sync_mode", "incremental").put("destination_sync_mode", "append_dedup").put("sync_id", 1);
      stream.putArray("cursor_field").add("_ab_cdc_lsn");
      stream.putArray("primary_key").addArray().add("id");
    }
    return catalog;
  }

  private String[] readArgs(JsonNode catalog, String state) throws Exception {
    return readArgs(config(c -> { }), catalog, state);
  }

  private String[] readArgs(JsonNode config, JsonNode catalog, String state) throws Exception {
    List<String> args = new ArrayList<>(List.of("read", "--config", file(dir, "c.json", config),
        "--catalog", file(dir, "cat.json", catalog)));
    if (state != null) {
      args.addAll(List.of("--state", file(dir, "state.json", state)));
    }
    return args.toArray(String[]::new);
  }

  private SourceRun read(JsonNode catalog, String state) throws Exception {
    return SourceRun.run(new PostgresSource(), dir, readArgs(catalog, state));
  }

  private SourceRun read(JsonNode config, JsonNode catalog, String state) throws Exception {
    return SourceRun.run(new PostgresSource(), dir, readArgs(config, catalog, state));
  }

  private static JsonNode find(JsonNode streams, String name) {
    for (JsonNode s : streams) {
      if (s.get("name").asText().equals(name)) {
        return s;
      }
    }
    throw new AssertionError("no stream " + name + " in " + streams);
  }

  private void assertEqual(Replica replica) throws Exception {
    for (String table : List.of("a", "b")) {
      Map<Integer, Map<String, String>> source = new TreeMap<>();
      try (Connection c = db.connection(); Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT * FROM " + table)) {
        while (rs.next()) {
          Map<String, String> row = new LinkedHashMap<>();
          for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
            row.put(rs.getMetaData().getColumnName(i), rs.getString(i) == null ? null : normalize(rs.getString(i)));
          }
          source.put(rs.getInt("id"), row);
        }
      }
      Map<Integer, Map<String, String>> copy = new TreeMap<>();
      replica.rows(table).forEach((id, record) -> {
        Map<String, String> row = new LinkedHashMap<>();
        source.values().stream().findFirst().ifPresent(any -> any.keySet().forEach(column -> {
          JsonNode v = record.get(column);
          row.put(column, v == null || v.isNull() ? null : normalize(v.isTextual() ? v.asText() : v.toString()));
        }));
        copy.put(id, row);
      });
      assertThat(copy.keySet()).as(table + ": the keys").isEqualTo(source.keySet());
      for (Integer id : source.keySet()) {
        for (String column : source.get(id).keySet()) {
          if (!column.equals("tags") && !column.equals("at") && !column.equals("amount")) {
            assertThat(copy.get(id).get(column)).as(table + " " + id + "." + column).isEqualTo(source.get(id).get(column));
          }
        }
      }
    }
  }

  private static String normalize(String value) {
    return value;
  }

  /** What a deduplicated destination holds: per key the record with the highest (lsn, arrival); deletes remove. */
  private static final class Replica {
    private final Map<String, Map<Integer, JsonNode>> tables = new LinkedHashMap<>();
    private final Map<String, Map<Integer, Long>> lsns = new LinkedHashMap<>();

    void apply(SourceRun run) {
      // only what precedes the last state is committed by a destination
      int lastState = -1;
      for (int i = 0; i < run.messages.size(); i++) {
        if (run.messages.get(i).get("type").asText().equals("STATE")) {
          lastState = i;
        }
      }
      for (int i = 0; i < lastState; i++) {
        JsonNode m = run.messages.get(i);
        if (!m.get("type").asText().equals("RECORD")) {
          continue;
        }
        String table = m.at("/record/stream").asText();
        JsonNode data = m.at("/record/data");
        int id = data.get("id").asInt();
        long lsn = data.get("_ab_cdc_lsn").asLong();
        Map<Integer, Long> known = lsns.computeIfAbsent(table, t -> new LinkedHashMap<>());
        if (known.containsKey(id) && known.get(id) > lsn) {
          continue;
        }
        known.put(id, lsn);
        if (data.get("_ab_cdc_deleted_at").isNull()) {
          tables.computeIfAbsent(table, t -> new LinkedHashMap<>()).put(id, data);
        } else {
          tables.computeIfAbsent(table, t -> new LinkedHashMap<>()).remove(id);
        }
      }
    }

    Map<Integer, JsonNode> rows(String table) {
      return tables.getOrDefault(table, Map.of());
    }
  }
}
