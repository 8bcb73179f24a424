package io.airbyte.connectors.destination.postgres;

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
import io.airbyte.testsupport.postgres.PostgresExtension;
import io.airbyte.testsupport.postgres.PostgresTestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(PostgresExtension.class)
class PostgresDestinationIT {

  private static final String USERS = """
      {"type":"object","properties":{
        "id":{"type":"integer"},
        "name":{"type":["null","string"]},
        "updated_at":{"type":"string","format":"date-time","airbyte_type":"timestamp_with_timezone"}}}
      """;

  private final PostgresTestDatabase db;
  @TempDir
  Path dir;

  PostgresDestinationIT(PostgresTestDatabase db) {
    this.db = db;
  }

  private ObjectNode config(String schema) {
    return Jsons.object().put("host", db.host()).put("port", db.port()).put("database", db.databaseName())
        .put("schema", schema).put("username", db.username()).put("password", db.password());
  }

  @Test
  void aHostThatDoesNotResolveFailsCheckNamingTheHost() {
    ObjectNode unknown = config("public").put("host", "apifuzz-no-such-host.invalid");
    // the kit's check path: the runner reports Failure.of(the check's exception)
    Exception error = org.junit.jupiter.api.Assertions.assertThrows(Exception.class, () -> new PostgresDestination().check(unknown));
    io.airbyte.connector.kit.Failure failure = io.airbyte.connector.kit.Failure.of(error);
    assertThat(failure.type()).isEqualTo(io.airbyte.protocol.models.AirbyteErrorTraceMessage.FailureType.CONFIG_ERROR);
    assertThat(failure.message()).contains("'apifuzz-no-such-host.invalid'").contains("no such host")
        .doesNotContain("The connection attempt failed");
  }

  @Test
  void appendKeepsEverySyncAndFillsTheAirbyteColumns() throws Exception {
    var catalog = catalog(stream(null, "users", USERS, DestinationSyncMode.APPEND, null, null, 1, 0));
    DestinationRun first = DestinationRun.write(new PostgresDestination(), dir, config("append_test"), catalog, new Messages()
        .status(null, "users", "STARTED")
        .record(null, "users", "{\"id\":1,\"name\":\"Ada\",\"updated_at\":\"2024-01-01T00:00:00Z\"}")
        .record(null, "users", "{\"id\":2,\"name\":\"Grace\",\"updated_at\":\"2024-01-02T00:00:00Z\"}")
        .state(null, "users", "{\"cursor\":\"2\"}")
        .status(null, "users", "COMPLETE").toString());
    assertThat(first.exitCode).as(first.errorMessage()).isZero();
    assertThat(first.states()).singleElement()
        .satisfies(s -> assertThat(s.at("/state/destinationStats/recordCount").asDouble()).isEqualTo(2.0));
    DestinationRun second = DestinationRun.write(new PostgresDestination(), dir, config("append_test"), catalog, new Messages()
        .record(null, "users", "{\"id\":2,\"name\":\"Grace H.\",\"updated_at\":\"2024-01-03T00:00:00Z\"}")
        .state(null, "users", "{\"cursor\":\"3\"}")
        .status(null, "users", "COMPLETE").toString());
    assertThat(second.exitCode).isZero();

    List<Map<String, Object>> rows = query("SELECT id, name, updated_at, _airbyte_raw_id, _airbyte_extracted_at,"
        + " _airbyte_meta::text AS meta, _airbyte_generation_id FROM append_test.users ORDER BY _airbyte_extracted_at");
    assertThat(rows).extracting(r -> r.get("name")).containsExactly("Ada", "Grace", "Grace H.");
    assertThat(rows).allSatisfy(r -> {
      assertThat(r.get("_airbyte_raw_id")).isNotNull();
      assertThat(r.get("_airbyte_generation_id")).isEqualTo(1L);
      assertThat(Jsons.deserialize((String) r.get("meta"))).isEqualTo(Jsons.deserialize("{\"sync_id\":42,\"changes\":[]}"));
    });
    assertThat(rows.get(0).get("updated_at").toString()).startsWith("2024-01-01 00:00:00");
    assertThat(rows).extracting(r -> r.get("_airbyte_raw_id")).doesNotHaveDuplicates();
  }

  @Test
  void overwriteSwapsOnlyWhenTheStreamCompletesAndAFailedAttemptResumes() throws Exception {
    var gen1 = catalog(stream("ow", "items", USERS, DestinationSyncMode.OVERWRITE, null, null, 1, 1));
    DestinationRun first = DestinationRun.write(new PostgresDestination(), dir, config("public"), gen1, new Messages()
        .record("ow", "items", "{\"id\":1,\"name\":\"old-1\"}")
        .record("ow", "items", "{\"id\":2,\"name\":\"old-2\"}")
        .state("ow", "items", "{\"pk\":2}")
        .status("ow", "items", "COMPLETE").toString());
    assertThat(first.exitCode).isZero();
    assertThat(names("SELECT name FROM ow.items ORDER BY id")).containsExactly("old-1", "old-2");

    var gen2 = catalog(stream("ow", "items", USERS, DestinationSyncMode.OVERWRITE, null, null, 2, 2));
    // attempt 1 of the next sync: the source dies after its first state
    DestinationRun failed = DestinationRun.write(new PostgresDestination(), dir, config("public"), gen2, new Messages()
        .status("ow", "items", "STARTED")
        .record("ow", "items", "{\"id\":10,\"name\":\"new-10\"}")
        .state("ow", "items", "{\"pk\":10}")
        .record("ow", "items", "{\"id\":11,\"name\":\"new-11\"}").toString());
    assertThat(failed.exitCode).isZero();
    assertThat(failed.states()).hasSize(1);
    assertThat(names("SELECT name FROM ow.items ORDER BY id")).as("old table untouched").containsExactly("old-1", "old-2");
    assertThat(names("SELECT name FROM ow.items_airbyte_tmp ORDER BY id")).as("committed part kept").containsExactly("new-10");

    // attempt 2 resumes from the echoed state
    DestinationRun resumed = DestinationRun.write(new PostgresDestination(), dir, config("public"), gen2, new Messages()
        .status("ow", "items", "STARTED")
        .record("ow", "items", "{\"id\":11,\"name\":\"new-11\"}")
        .state("ow", "items", "{\"pk\":11}")
        .status("ow", "items", "COMPLETE").toString());
    assertThat(resumed.exitCode).isZero();
    assertThat(names("SELECT name FROM ow.items ORDER BY id")).containsExactly("new-10", "new-11");
    assertThat(count("SELECT count(*) FROM pg_tables WHERE tablename = 'items_airbyte_tmp'")).isZero();
  }

  @Test
  void aTemporaryTableOfAnotherGenerationIsEmptiedFirst() throws Exception {
    var gen5 = catalog(stream("stale", "t", USERS, DestinationSyncMode.OVERWRITE, null, null, 5, 5));
    DestinationRun.write(new PostgresDestination(), dir, config("public"), gen5, new Messages().status("stale", "t", "STARTED")
        .record("stale", "t", "{\"id\":1,\"name\":\"gen5\"}").state("stale", "t", "{}").toString());
    var gen6 = catalog(stream("stale", "t", USERS, DestinationSyncMode.OVERWRITE, null, null, 6, 6));
    DestinationRun.write(new PostgresDestination(), dir, config("public"), gen6, new Messages()
        .record("stale", "t", "{\"id\":2,\"name\":\"gen6\"}").state("stale", "t", "{}")
        .status("stale", "t", "COMPLETE").toString());
    assertThat(names("SELECT name FROM stale.t")).containsExactly("gen6");
  }

  @Test
  void appendDedupKeepsTheLatestRowPerKeyByCursorThenArrival() throws Exception {
    var catalog = catalog(stream(null, "users", USERS, DestinationSyncMode.APPEND_DEDUP, List.of("id"), "updated_at", 1, 0));
    DestinationRun.write(new PostgresDestination(), dir, config("dedup"), catalog, new Messages()
        .record(null, "users", "{\"id\":1,\"name\":\"a1\",\"updated_at\":\"2024-01-01T00:00:00Z\"}")
        .record(null, "users", "{\"id\":2,\"name\":\"b1\",\"updated_at\":\"2024-01-01T00:00:00Z\"}")
        .record(null, "users", "{\"id\":2,\"name\":\"b2\",\"updated_at\":\"2024-01-02T00:00:00Z\"}")
        .record(null, "users", "{\"id\":3,\"name\":\"c1\",\"updated_at\":\"2024-01-05T00:00:00Z\"}")
        .state(null, "users", "{}").status(null, "users", "COMPLETE").toString());
    DestinationRun second = DestinationRun.write(new PostgresDestination(), dir, config("dedup"), catalog, new Messages()
        .record(null, "users", "{\"id\":3,\"name\":\"c2 same cursor, later\",\"updated_at\":\"2024-01-05T00:00:00Z\"}")
        .record(null, "users", "{\"id\":1,\"name\":\"a0 older cursor\",\"updated_at\":\"2023-12-31T00:00:00Z\"}")
        .record(null, "users", "{\"id\":4,\"name\":\"d1\",\"updated_at\":\"2024-01-06T00:00:00Z\"}")
        .state(null, "users", "{}").status(null, "users", "COMPLETE").toString());
    assertThat(second.exitCode).isZero();
    assertThat(names("SELECT name FROM dedup.users ORDER BY id")).containsExactly("a1", "b2", "c2 same cursor, later", "d1");
  }

  @Test
  void overwriteDedupIsDedupOfATruncateRefresh() throws Exception {
    var gen1 = catalog(stream(null, "o", USERS, DestinationSyncMode.APPEND_DEDUP, List.of("id"), null, 1, 1));
    DestinationRun.write(new PostgresDestination(), dir, config("owdedup"), gen1, new Messages()
        .record(null, "o", "{\"id\":1,\"name\":\"x\"}").record(null, "o", "{\"id\":9,\"name\":\"gone\"}")
        .state(null, "o", "{}").status(null, "o", "COMPLETE").toString());
    var gen2 = catalog(stream(null, "o", USERS, DestinationSyncMode.APPEND_DEDUP, List.of("id"), null, 2, 2));
    DestinationRun.write(new PostgresDestination(), dir, config("owdedup"), gen2, new Messages()
        .record(null, "o", "{\"id\":1,\"name\":\"first\"}").record(null, "o", "{\"id\":1,\"name\":\"second\"}")
        .record(null, "o", "{\"id\":2,\"name\":\"two\"}")
        .state(null, "o", "{}").status(null, "o", "COMPLETE").toString());
    assertThat(names("SELECT name FROM owdedup.o ORDER BY id")).containsExactly("second", "two");
  }

  /**
   * Rows without changes leave _airbyte_meta and _airbyte_generation_id to the defaults of the tables
   * the write owns (the overwrite's temporary table, the dedup stream's staging table), rows with
   * changes carry their meta; the two kinds alternate, states commit in between, and the final tables
   * come out without those defaults.
   */
  @Test
  void rowsWithAndWithoutChangesAlternateAndLandWithTheirMetaInTablesWithoutDefaults() throws Exception {
    var catalog = catalog(stream(null, "ow", USERS, DestinationSyncMode.OVERWRITE, null, null, 7, 7),
        stream(null, "dd", USERS, DestinationSyncMode.APPEND_DEDUP, List.of("id"), null, 7, 0));
    // attempt 1 ends after its state at 1400 (no COMPLETE): its temporary table still has the defaults
    DestinationRun failed = DestinationRun.write(new PostgresDestination(), dir, config("defaults"), catalog,
        alternating(1, 1500, false));
    assertThat(failed.exitCode).as(failed.errorMessage()).isZero();
    assertThat(names("SELECT column_name FROM information_schema.columns WHERE table_schema = 'defaults'"
        + " AND table_name = 'ow_airbyte_tmp' AND column_default IS NOT NULL ORDER BY 1"))
        .containsExactly("_airbyte_generation_id", "_airbyte_meta");
    DestinationRun run = DestinationRun.write(new PostgresDestination(), dir, config("defaults"), catalog,
        alternating(1401, 3000, true));
    assertThat(run.exitCode).as(run.errorMessage()).isZero();

    for (String table : List.of("ow", "dd")) {
      List<Map<String, Object>> rows = query("SELECT id, name, updated_at, _airbyte_meta::text AS meta, _airbyte_generation_id"
          + " FROM defaults." + table + " ORDER BY id");
      assertThat(rows).as(table).hasSize(3000).allSatisfy(r -> {
        long id = (Long) r.get("id");
        assertThat(r.get("name")).isEqualTo("n" + id);
        assertThat(r.get("_airbyte_generation_id")).isEqualTo(7L);
        JsonNode meta = Jsons.deserialize((String) r.get("meta"));
        assertThat(meta.get("sync_id").asLong()).isEqualTo(42L);
        if (id % 2 == 1) {
          assertThat(r.get("updated_at")).isNull();
          assertThat(meta.get("changes")).singleElement().satisfies(c -> {
            assertThat(c.get("field").asText()).isEqualTo("updated_at");
            assertThat(c.get("change").asText()).isEqualTo("NULLED");
          });
        } else {
          assertThat(r.get("updated_at")).isNotNull();
          assertThat(meta.get("changes")).isEmpty();
        }
      });
    }
    assertThat(query("SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'defaults'"
        + " AND column_default IS NOT NULL")).as("no column defaults left on the final tables").isEmpty();
    assertThat(count("SELECT count(*) FROM pg_tables WHERE schemaname = 'defaults' AND tablename LIKE '%airbyte_tmp'")).isZero();
  }

  /** Records {@code from..to} of streams ow and dd, odd ids with an updated_at that is no timestamp; a state every 700. */
  private static String alternating(int from, int to, boolean complete) {
    Messages messages = new Messages().status(null, "ow", "STARTED").status(null, "dd", "STARTED");
    for (int i = from; i <= to; i++) {
      String updatedAt = i % 2 == 1 ? "\"not a time\"" : "\"2024-01-01T00:00:00Z\"";
      for (String stream : List.of("ow", "dd")) {
        messages.record(null, stream, "{\"id\":" + i + ",\"name\":\"n" + i + "\",\"updated_at\":" + updatedAt + "}");
      }
      if (i % 700 == 0) {
        messages.state(null, "ow", "{\"at\":" + i + "}").state(null, "dd", "{\"at\":" + i + "}");
      }
    }
    if (complete) {
      messages.state(null, "ow", "{}").state(null, "dd", "{}").status(null, "ow", "COMPLETE").status(null, "dd", "COMPLETE");
    }
    return messages.toString();
  }

  @Test
  void olderGenerationsAreRemovedOnlyAfterTheStreamSucceeded() throws Exception {
    DestinationRun.write(new PostgresDestination(), dir, config("gens"), catalog(stream(null, "g", USERS, DestinationSyncMode.APPEND, null, null, 1, 0)),
        new Messages().record(null, "g", "{\"id\":1,\"name\":\"gen1\"}").state(null, "g", "{}").toString());
    var refresh = catalog(stream(null, "g", USERS, DestinationSyncMode.APPEND, null, null, 3, 2));
    DestinationRun.write(new PostgresDestination(), dir, config("gens"), refresh, new Messages().status(null, "g", "STARTED")
        .record(null, "g", "{\"id\":2,\"name\":\"gen3\"}").state(null, "g", "{}").toString());
    assertThat(names("SELECT name FROM gens.g ORDER BY id")).as("not complete: both kept").containsExactly("gen1", "gen3");
    DestinationRun.write(new PostgresDestination(), dir, config("gens"), refresh, new Messages()
        .record(null, "g", "{\"id\":3,\"name\":\"gen3b\"}").state(null, "g", "{}").status(null, "g", "COMPLETE").toString());
    assertThat(names("SELECT name FROM gens.g ORDER BY id")).containsExactly("gen3", "gen3b");
  }

  @Test
  void valuesThatDoNotFitAreNulledAndRecordedNotFatal() throws Exception {
    String schema = """
        {"type":"object","properties":{"id":{"type":"integer"},"n":{"type":"number"},"ts":{"type":"string","format":"date-time"},
         "d":{"type":"string","format":"date"},"flag":{"type":"boolean"},"obj":{"type":"object"},"any":{},
         "s":{"type":"string"}}}
        """;
    var catalog = catalog(stream(null, "casts", schema, DestinationSyncMode.APPEND, null, null, 1, 0));
    DestinationRun run = DestinationRun.write(new PostgresDestination(), dir, config("casts"), catalog, new Messages()
        .record(null, "casts", "{\"id\":99999999999999999999,\"n\":\"abc\",\"ts\":\"yesterday\",\"d\":\"2023-02-30\","
            + "\"flag\":\"maybe\",\"obj\":[1],\"any\":\"text \\\\ with\\ttab\",\"s\":{\"nested\":\"tab\\there\"}}")
        .record(null, "casts", "{\"id\":\"12\",\"n\":1.50,\"ts\":\"2024-01-01T10:00:00+02:00\",\"d\":\"2024-02-29\","
            + "\"flag\":\"TRUE\",\"obj\":{\"a\":[1,{\"b\":null}]},\"any\":[1,\"x\"],\"s\":\"line1\\nline2\\\\\"}")
        .state(null, "casts", "{}").toString());
    assertThat(run.exitCode).as(run.errorMessage()).isZero();
    List<Map<String, Object>> rows = query("SELECT id, n::text AS n, ts, d::text AS d, flag, obj::text AS obj,"
        + " \"any\"::text AS any, s, _airbyte_meta::text AS meta FROM casts.casts ORDER BY _airbyte_extracted_at");
    Map<String, Object> bad = rows.get(0);
    assertThat(bad.get("id")).isNull();
    assertThat(bad.get("n")).isNull();
    assertThat(bad.get("ts")).isNull();
    assertThat(bad.get("d")).isNull();
    assertThat(bad.get("flag")).isNull();
    assertThat(bad.get("obj")).isNull();
    assertThat(bad.get("any")).isEqualTo("\"text \\\\ with\\ttab\"");
    assertThat(bad.get("s")).isEqualTo("{\"nested\":\"tab\\there\"}");
    JsonNode meta = Jsons.deserialize((String) bad.get("meta"));
    assertThat(meta.get("changes")).hasSize(6).allSatisfy(c -> {
      assertThat(c.get("change").asText()).isEqualTo("NULLED");
      assertThat(c.get("reason").asText()).isEqualTo("DESTINATION_TYPECAST_ERROR");
    });
    Map<String, Object> good = rows.get(1);
    assertThat(good.get("id")).isEqualTo(12L);
    assertThat(good.get("n")).isEqualTo("1.50");
    assertThat(good.get("ts").toString()).startsWith("2024-01-01 08:00:00");
    assertThat(good.get("d")).isEqualTo("2024-02-29");
    assertThat(good.get("flag")).isEqualTo(true);
    assertThat(Jsons.deserialize((String) good.get("obj"))).isEqualTo(Jsons.deserialize("{\"a\":[1,{\"b\":null}]}"));
    assertThat(good.get("s")).isEqualTo("line1\nline2\\");
    assertThat(Jsons.deserialize((String) good.get("meta")).get("changes")).isEmpty();
  }

  @Test
  void newColumnsAreAddedAndChangedTypesWidened() throws Exception {
    var v1 = catalog(stream(null, "evo", "{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"integer\"}}}",
        DestinationSyncMode.APPEND, null, null, 1, 0));
    DestinationRun.write(new PostgresDestination(), dir, config("evo"), v1, new Messages().record(null, "evo", "{\"a\":1}").state(null, "evo", "{}").toString());
    var v2 = catalog(stream(null, "evo", "{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"string\"},\"b\":{\"type\":\"number\"}}}",
        DestinationSyncMode.APPEND, null, null, 1, 0));
    DestinationRun run = DestinationRun.write(new PostgresDestination(), dir, config("evo"), v2, new Messages()
        .record(null, "evo", "{\"a\":\"two\",\"b\":2.5}").state(null, "evo", "{}").toString());
    assertThat(run.exitCode).as(run.errorMessage()).isZero();
    assertThat(query("SELECT a, b::text AS b FROM evo.evo ORDER BY _airbyte_extracted_at"))
        .extracting(r -> r.get("a") + "/" + r.get("b")).containsExactly("1/null", "two/2.5");
    assertThat(count("SELECT count(*) FROM information_schema.columns WHERE table_schema = 'evo' AND column_name = 'a'"
        + " AND data_type = 'text'")).isEqualTo(1);
  }

  @Test
  void identifiersWithSpacesQuotesCaseUnicodeAndReservedWordsWork() throws Exception {
    String schema = "{\"type\":\"object\",\"properties\":{\"Select\":{\"type\":\"integer\"},\"my \\\"col\\\"\":{\"type\":\"string\"},"
        + "\"naïve ✓\":{\"type\":\"string\"},\"" + "x".repeat(80) + "\":{\"type\":\"string\"}}}";
    var catalog = catalog(stream("Weird NS", "Order \"Table\" é", schema,
        DestinationSyncMode.APPEND_DEDUP, List.of("Select"), null, 1, 0));
    DestinationRun run = DestinationRun.write(new PostgresDestination(), dir, config("public"), catalog, new Messages()
        .record("Weird NS", "Order \"Table\" é", "{\"Select\":1,\"my \\\"col\\\"\":\"q\",\"naïve ✓\":\"u\",\"" + "x".repeat(80) + "\":\"long\"}")
        .state("Weird NS", "Order \"Table\" é", "{}").status("Weird NS", "Order \"Table\" é", "COMPLETE").toString());
    assertThat(run.exitCode).as(run.errorMessage()).isZero();
    // 80 x's do not fit PostgreSQL's 63 bytes: 54 x's, "_" and the first 8 hex digits of the name's SHA-256
    String longColumn = "x".repeat(54) + "_d929cdee";
    assertThat(names("SELECT column_name::text FROM information_schema.columns WHERE table_schema = 'Weird NS'"
        + " AND column_name LIKE 'xxx%'")).containsExactly(longColumn);
    assertThat(query("SELECT \"Select\", \"my \"\"col\"\"\" AS c, \"naïve ✓\" AS u, \"" + longColumn
        + "\" AS l FROM \"Weird NS\".\"Order \"\"Table\"\" é\""))
        .singleElement().satisfies(r -> assertThat(r.get("c") + r.get("u").toString() + r.get("l")).isEqualTo("qulong"));
  }

  @Test
  void aStateIsEchoedOnlyOnceItsRecordsAreCommitted() throws Exception {
    var catalog = catalog(stream(null, "visible", USERS, DestinationSyncMode.APPEND, null, null, 1, 0));
    Messages input = new Messages();
    for (int batch = 1; batch <= 3; batch++) {
      for (int i = 0; i < 1000; i++) {
        input.record(null, "visible", "{\"id\":" + (batch * 1000 + i) + "}");
      }
      input.state(null, "visible", "{\"batch\":" + batch + "}");
    }
    List<Long> visibleAtState = new ArrayList<>();
    DestinationRun run = DestinationRun.write(new PostgresDestination(), dir, config("vis"), catalog, input.toString(), line -> {
      if (line.contains("\"type\":\"STATE\"")) {
        visibleAtState.add(count("SELECT count(*) FROM vis.visible"));
      }
    });
    assertThat(run.exitCode).isZero();
    assertThat(visibleAtState).containsExactly(1000L, 2000L, 3000L);
    assertThat(run.states()).extracting(s -> s.at("/state/destinationStats/recordCount").asDouble())
        .containsExactly(1000.0, 1000.0, 1000.0);
  }

  @Test
  void interleavedStreamsGlobalStatesAndBadLines() throws Exception {
    var catalog = catalog(stream(null, "a", USERS, DestinationSyncMode.APPEND, null, null, 1, 0),
        stream(null, "b", USERS, DestinationSyncMode.APPEND_DEDUP, List.of("id"), null, 1, 0));
    DestinationRun run = DestinationRun.write(new PostgresDestination(), dir, config("inter"), catalog, new Messages()
        .record(null, "a", "{\"id\":1}").record(null, "b", "{\"id\":1,\"name\":\"b1\"}")
        .line("this is not a message")
        .record(null, "a", "{\"id\":2}").record(null, "b", "{\"id\":1,\"name\":\"b2\"}")
        .globalState("{\"lsn\":1}")
        .record(null, "a", "{\"id\":3}")
        .globalState("{\"lsn\":2}").toString());
    assertThat(run.exitCode).as(run.errorMessage()).isZero();
    assertThat(run.states()).extracting(s -> s.at("/state/destinationStats/recordCount").asDouble()).containsExactly(4.0, 1.0);
    assertThat(count("SELECT count(*) FROM inter.a")).isEqualTo(3);
    assertThat(names("SELECT name FROM inter.b")).containsExactly("b2");
    assertThat(run.ofType(io.airbyte.protocol.models.AirbyteMessage.Type.LOG))
        .anySatisfy(l -> assertThat(l.at("/log/message").asText()).contains("input line 3").contains("not a message"));
  }

  @Test
  void aRecordOfAStreamNotInTheCatalogFailsClearly() throws Exception {
    var catalog = catalog(stream(null, "known", USERS, DestinationSyncMode.APPEND, null, null, 1, 0));
    DestinationRun run = DestinationRun.write(new PostgresDestination(), dir, config("unknown"), catalog,
        new Messages().record(null, "stranger", "{\"id\":1}").toString());
    assertThat(run.exitCode).isEqualTo(1);
    assertThat(run.errorMessage()).contains("stranger").contains("not in the configured catalog");
  }

  private List<String> names(String sql) {
    return query(sql).stream().map(r -> (String) r.values().iterator().next()).toList();
  }

  private long count(String sql) {
    return ((Number) query(sql).get(0).values().iterator().next()).longValue();
  }

  private List<Map<String, Object>> query(String sql) {
    try (Connection c = db.connection()) {
      return JdbcRows.query(c, sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql + ": " + e.getMessage(), e);
    }
  }
}
