package io.airbyte.connectors.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.airbyte.connectors.contract.Catalogs.SyncModes;
import io.airbyte.protocol.models.AirbyteStateMessage;
import io.airbyte.protocol.models.AirbyteStream;
import io.airbyte.testsupport.postgres.EmbeddedPostgresServer;
import io.airbyte.testsupport.postgres.PostgresTestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * source-postgres → each destination, in each of the five sync-mode pairs: a first sync, then
 * inserts, updates and rows sharing the last cursor value, then a second sync from the state the
 * destination echoed; the destination is compared with the source row by row. A read killed
 * mid-stream and resumed from the last echoed state ends row-exact in dedup mode. Records go as typed
 * rows, as the platform sends them between these connectors ({@link TypedRowsDifferentialIT} holds the
 * two paths against each other).
 */
@ExtendWith(ProtocolModelsExtension.class)
@Timeout(value = 20, unit = TimeUnit.MINUTES)
class SyncModesContractIT {

  private static final List<String> COLUMNS =
      List.of("id", "name", "amount", "score", "active", "happened", "updated_at", "doc");

  private static PostgresTestDatabase source;
  private static PostgresTestDatabase destination;
  private static Path work;

  @BeforeAll
  static void databases() throws Exception {
    source = EmbeddedPostgresServer.get().createDatabase();
    destination = EmbeddedPostgresServer.get().createDatabase();
    work = Files.createTempDirectory("contract-");
  }

  @AfterAll
  static void drop() {
    source.close();
    destination.close();
  }

  static Stream<Arguments> cases() {
    List<Arguments> cases = new ArrayList<>();
    for (String target : List.of("postgres", "duckdb", "snowflake")) {
      for (SyncModes mode : SyncModes.values()) {
        cases.add(Arguments.of(target, mode));
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("cases")
  void twoSyncsEndRowExact(String targetName, SyncModes mode) throws Exception {
    Target target = target(targetName, mode.name());
    String table = ("t_" + targetName + "_" + mode.name()).toLowerCase();
    source.execute(
        "CREATE TABLE " + table + " (id bigint PRIMARY KEY, name text, amount numeric(12,2), score double precision,"
            + " active boolean, happened date, updated_at timestamptz, doc jsonb)",
        "INSERT INTO " + table + " SELECT g, 'name ' || g, g * 1.25, g / 3.0, g % 2 = 0, date '2024-01-01' + g,"
            + " timestamptz '2024-01-01 00:00:00+00' + (g / 2) * interval '1 minute', jsonb_build_object('g', g, 'tags', jsonb_build_array('a', g))"
            + " FROM generate_series(1, 50) g");
    AirbyteStream stream = Catalogs.discover(ConnectorJar.SOURCE_POSTGRES, sourceConfig(), work, table);

    SyncPipe.Result first = sync(stream, mode, target, 1, null, 0);
    List<String> afterFirst = sourceRows(table);

    source.execute(
        "INSERT INTO " + table + " SELECT g, 'late ' || g, g, g, true, date '2025-01-01', timestamptz '2024-01-01 00:25:00+00',"
            + " '{}' FROM generate_series(51, 52) g", // same cursor value as the last rows of the first sync
        "INSERT INTO " + table + " SELECT g, 'new ' || g, g, g, false, NULL, timestamptz '2024-02-01 00:00:00+00' + g * interval '1 second',"
            + " NULL FROM generate_series(53, 57) g",
        "UPDATE " + table + " SET name = 'updated ' || id, updated_at = timestamptz '2024-03-01 00:00:00+00' + id * interval '1 second'"
            + " WHERE id IN (3, 17, 29)");
    SyncPipe.Result second = sync(stream, mode, target, 2, first.nextStates(null), 0);
    List<String> afterSecond = sourceRows(table);

    List<String> written = target.rows("public", table, COLUMNS);
    switch (mode) {
      case FULL_REFRESH_OVERWRITE, FULL_REFRESH_OVERWRITE_DEDUPED, INCREMENTAL_APPEND_DEDUPED ->
          assertThat(written).containsExactlyElementsOf(afterSecond);
      case FULL_REFRESH_APPEND -> {
        List<String> both = new ArrayList<>(afterFirst);
        both.addAll(afterSecond);
        both.sort(null);
        assertThat(written).containsExactlyElementsOf(both);
      }
      case INCREMENTAL_APPEND -> {
        assertThat(written).containsAll(afterSecond).containsAll(afterFirst);
        assertThat(written).hasSize((int) (first.sourceRecords() + second.sourceRecords()));
        assertThat(second.sourceRecords()).as("new, updated and boundary rows only").isLessThan(20);
      }
      default -> throw new IllegalStateException(mode.name());
    }
  }

  @Test
  void aReadKilledMidStreamResumesRowExactInDedupMode() throws Exception {
    for (String targetName : List.of("postgres", "duckdb", "snowflake")) {
      Target target = target(targetName, "resume");
      String table = "resume_" + targetName;
      source.execute("CREATE TABLE " + table + " (id bigint PRIMARY KEY, name text, amount numeric(12,2), score double precision,"
              + " active boolean, happened date, updated_at timestamptz, doc jsonb)",
          "INSERT INTO " + table + " SELECT g, md5(g::text), g, g, true, NULL, timestamptz '2024-01-01' + g * interval '1 second',"
              + " NULL FROM generate_series(1, 250000) g",
          "ANALYZE " + table);
      AirbyteStream stream = Catalogs.discover(ConnectorJar.SOURCE_POSTGRES, sourceConfig(), work, table);
      SyncPipe.Result killed = sync(stream, SyncModes.INCREMENTAL_APPEND_DEDUPED, target, 1, null, 1);
      assertThat(killed.destination().ofType(io.airbyte.protocol.models.AirbyteMessage.Type.STATE)).as(targetName).hasSize(1);
      List<AirbyteStateMessage> resumeFrom = killed.nextStates(null);
      SyncPipe.Result resumed = sync(stream, SyncModes.INCREMENTAL_APPEND_DEDUPED, target, 1, resumeFrom, 0);
      assertThat(resumed.sourceRecords()).as("resumed, not restarted").isLessThan(250_000);
      assertThat(target.rows("public", table, COLUMNS)).as(targetName).containsExactlyElementsOf(sourceRows(table));
    }
  }

  private SyncPipe.Result sync(AirbyteStream stream, SyncModes mode, Target target, long sync,
      List<AirbyteStateMessage> states, int killAfterStates) throws Exception {
    var catalog = Catalogs.configure(stream, mode, List.of("id"), "updated_at", sync);
    SyncPipe.Result result = SyncPipe.run(work, ConnectorJar.SOURCE_POSTGRES, sourceConfig(), target.connector(),
        target.config(), catalog, states, killAfterStates);
    assertThat(result.destination().exitCode()).as(result.destination().stderr()).isZero();
    if (result.sourceRecords() > 0) {
      assertThat(result.typedRowLines()).as("records went as typed rows, as the platform sends them").isPositive();
    }
    if (killAfterStates == 0) {
      assertThat(result.sourceExit()).as("source exit, see " + result.dir()).isZero();
    }
    return result;
  }

  private static Target target(String name, String suffix) throws Exception {
    return switch (name) {
      case "postgres" -> Target.postgres(destination);
      case "snowflake" -> Target.snowflake();
      default -> Target.duckdb(Files.createTempDirectory(work, "duckdb-" + suffix).resolve("warehouse.duckdb"));
    };
  }

  private static JsonNode sourceConfig() {
    return Catalogs.sourcePostgresConfig(source);
  }

  private static List<String> sourceRows(String table) throws Exception {
    return Tables.postgres(source.jdbcUrl(), source.username(), source.password(), "public." + table, COLUMNS);
  }
}
