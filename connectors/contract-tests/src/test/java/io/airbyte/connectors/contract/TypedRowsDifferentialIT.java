package io.airbyte.connectors.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.airbyte.connectors.contract.Catalogs.SyncModes;
import io.airbyte.connectors.contract.SyncPipe.RecordFormat;
import io.airbyte.protocol.json.Jsons;
import io.airbyte.protocol.models.AirbyteStateMessage;
import io.airbyte.protocol.models.AirbyteStream;
import io.airbyte.testsupport.postgres.EmbeddedPostgresServer;
import io.airbyte.testsupport.postgres.PostgresTestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fast path against JSON lines: the same two syncs of a table of awkward values (every type the
 * source maps, NULLs, escapes, NaN and infinities that the destination cannot cast), once with
 * records as JSON lines and once as typed rows, into two destinations of the same kind. Both must land
 * identical tables (every value, type and {@code _airbyte_meta}, all but the row ids and extraction
 * times) and echo identical states: destination-postgres in every sync mode, destination-duckdb and
 * destination-snowflake (the emulator) in incremental append + deduped.
 */
@ExtendWith(ProtocolModelsExtension.class)
@Timeout(value = 15, unit = TimeUnit.MINUTES)
class TypedRowsDifferentialIT {

  private static PostgresTestDatabase source;
  private static Path work;

  @BeforeAll
  static void databases() throws Exception {
    source = EmbeddedPostgresServer.get().createDatabase();
    work = Files.createTempDirectory("differential-");
  }

  @AfterAll
  static void drop() {
    source.close();
  }

  static Stream<Arguments> cases() {
    List<Arguments> cases = new ArrayList<>();
    for (SyncModes mode : SyncModes.values()) {
      cases.add(Arguments.of("postgres", mode));
    }
    for (String target : List.of("duckdb", "snowflake")) { // the mode with the most steps: staging, merge, deletes of old rows
      cases.add(Arguments.of(target, SyncModes.INCREMENTAL_APPEND_DEDUPED));
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("cases")
  void bothPathsLandTheSameTablesAndStates(String targetName, SyncModes mode) throws Exception {
    String table = ("d_" + targetName + "_" + mode.name()).toLowerCase();
    source.execute("CREATE TABLE " + table + " (id bigint PRIMARY KEY, i integer, sm smallint, n numeric, n2 numeric(12,2),"
            + " f float8, r real, b boolean, t text, vc varchar(20), ch char(3), d date, ts timestamp, tstz timestamptz,"
            + " tm time, tmtz timetz, j json, jb jsonb, ba bytea, ia integer[], ta text[], u uuid, iv interval,"
            + " updated_at timestamptz)",
        "INSERT INTO " + table + " (id, updated_at) VALUES (1, '2024-01-01 00:00:00+00')", // NULLs everywhere
        "INSERT INTO " + table + " VALUES (2, -2147483648, 32767, 123456789012345678901234567890.123456789, 1.50, 1.5e300,"
            + " 3.25, true, E'tab\\there\\nnewline\\rcr \\\\ backslash \"quotes\" é ✓ 😀', '', 'ab', '2024-02-29',"
            + " '2024-01-01 10:00:00.123456', '2024-01-01 10:00:00.5+02', '23:59:59.999999', '10:00:00-05:30',"
            + " '{\"a\": [1, \"x\\ty\"], \"b\": null}', '{\"k\": {\"n\": 1.0}}', E'\\\\x00ff10', '{1,NULL,3}',"
            + " '{\"a\\tb\",\"c d\",NULL}', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', '1 day 02:03:04',"
            + " '2024-01-01 00:00:01+00')",
        "INSERT INTO " + table + " VALUES (3, 0, 0, 'NaN', 0, 'Infinity', '-Infinity', false, 'plain', 'x', NULL,"
            + " 'infinity', '-infinity', 'infinity', '00:00:00', '00:00:00+00', '\"a json string\"', '12', E'\\\\x',"
            + " '{}', '{}', NULL, '-1 mons', '2024-01-01 00:00:02+00')",
        "INSERT INTO " + table + " VALUES (4, 7, 7, -0.5, -0.5, 'NaN', 1e-30, true, E'\\\\N is not null', 'y', 'z',"
            + " '0044-03-15 BC', '1999-12-31 23:59:59', '1970-01-01 00:00:00+00', '12:00', '12:00+14', 'true', 'null',"
            + " NULL, '{-1}', '{\"\"}', NULL, '0', '2024-01-01 00:00:03+00')",
        "INSERT INTO " + table + " SELECT g, g, g % 100, g * 1.1, g, g / 7.0, g, g % 2 = 0, repeat('r', g % 50), 'v' || g,"
            + " 'c', date '2024-01-01' + g, timestamp '2024-01-01' + g * interval '1 hour', timestamptz '2024-01-01 00:00:00+00'"
            + " + g * interval '1 minute', time '00:00' + g * interval '1 second', '01:02:03+01', json_build_object('g', g),"
            + " jsonb_build_array(g, 'x'), decode(md5(g::text), 'hex'), ARRAY[g, g + 1], ARRAY['t' || g], NULL, g * interval '1 day',"
            + " timestamptz '2024-01-02 00:00:00+00' + g * interval '1 second' FROM generate_series(5, 300) g");
    AirbyteStream stream = Catalogs.discover(ConnectorJar.SOURCE_POSTGRES, sourceConfig(), work, table);
    Target json = target(targetName, "json");
    Target rows = target(targetName, "rows");

    List<AirbyteStateMessage> jsonStates = new ArrayList<>();
    List<AirbyteStateMessage> rowStates = new ArrayList<>();
    for (long sync = 1; sync <= 2; sync++) {
      var catalog = Catalogs.configure(stream, mode, List.of("id"), "updated_at", sync);
      SyncPipe.Result viaJson = SyncPipe.run(work, ConnectorJar.SOURCE_POSTGRES, sourceConfig(), json.connector(), json.config(),
          catalog, jsonStates, 0, RecordFormat.JSON_LINES);
      SyncPipe.Result viaRows = SyncPipe.run(work, ConnectorJar.SOURCE_POSTGRES, sourceConfig(), rows.connector(), rows.config(),
          catalog, rowStates, 0, RecordFormat.NEGOTIATED);
      for (SyncPipe.Result result : List.of(viaJson, viaRows)) {
        assertThat(result.destination().exitCode()).as(result.destination().stderr()).isZero();
        assertThat(result.sourceExit()).as("source exit, see " + result.dir()).isZero();
      }
      assertThat(viaJson.typedRowLines()).isZero();
      assertThat(viaRows.typedRowLines()).as("rows went as typed rows").isGreaterThan(viaRows.sourceRecords());
      assertThat(viaRows.sourceRecords()).isEqualTo(viaJson.sourceRecords()).isPositive();
      assertThat(Jsons.serialize(viaRows.echoedStates())).as("echoed states, sync " + sync)
          .isEqualTo(Jsons.serialize(viaJson.echoedStates()));
      jsonStates = viaJson.nextStates(jsonStates);
      rowStates = viaRows.nextStates(rowStates);
      assertThat(comparable(rows.tablesIn("public"))).as("tables after sync " + sync)
          .isEqualTo(comparable(json.tablesIn("public")));

      source.execute("UPDATE " + table + " SET t = E'changed\\t' || id, updated_at = updated_at + interval '1 day' WHERE id % 50 = 0",
          "INSERT INTO " + table + " (id, n, t, updated_at) SELECT g, 'NaN', E'new\\n' || g, timestamptz '2025-01-01 00:00:00+00'"
              + " + g * interval '1 second' FROM generate_series(1000 + " + sync * 10 + ", 1005 + " + sync * 10 + ") g");
    }
    Map<String, List<String>> landed = comparable(rows.tablesIn("public"));
    assertThat(landed).as("the table landed").isNotEmpty();
    assertThat(landed.values().iterator().next().size()).as("rows landed").isGreaterThanOrEqualTo(300);
  }

  /** Each table's rows without the row ids and extraction times (which differ by nature), sorted. */
  private static Map<String, List<String>> comparable(Map<String, List<Map<String, String>>> tables) {
    Map<String, List<String>> out = new TreeMap<>();
    tables.forEach((name, rows) -> {
      List<String> lines = new ArrayList<>();
      for (Map<String, String> row : rows) {
        Map<String, String> kept = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        row.forEach((column, value) -> {
          String c = column.toLowerCase(java.util.Locale.ROOT);
          if (!c.equals("_airbyte_raw_id") && !c.equals("_airbyte_extracted_at")) {
            kept.put(c, value);
          }
        });
        lines.add(kept.toString());
      }
      lines.sort(null);
      out.put(name.toLowerCase(java.util.Locale.ROOT), lines);
    });
    return out;
  }

  private static Target target(String name, String suffix) throws Exception {
    return switch (name) {
      case "postgres" -> Target.postgres(EmbeddedPostgresServer.get().createDatabase());
      case "snowflake" -> Target.snowflake();
      default -> Target.duckdb(Files.createTempDirectory(work, "duckdb-" + suffix).resolve("warehouse.duckdb"));
    };
  }

  private static JsonNode sourceConfig() {
    return Catalogs.sourcePostgresConfig(source);
  }
}
