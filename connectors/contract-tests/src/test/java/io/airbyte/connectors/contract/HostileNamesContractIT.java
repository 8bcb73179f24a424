package io.airbyte.connectors.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.airbyte.protocol.json.Jsons;
import io.airbyte.protocol.models.AirbyteMessage;
import io.airbyte.protocol.models.AirbyteRecordMessage;
import io.airbyte.protocol.models.AirbyteStateMessage;
import io.airbyte.protocol.models.AirbyteStream;
import io.airbyte.protocol.models.AirbyteStreamState;
import io.airbyte.protocol.models.ConfiguredAirbyteCatalog;
import io.airbyte.protocol.models.ConfiguredAirbyteStream;
import io.airbyte.protocol.models.DestinationSyncMode;
import io.airbyte.protocol.models.StreamDescriptor;
import io.airbyte.protocol.models.SyncMode;
import io.airbyte.testsupport.postgres.EmbeddedPostgresServer;
import io.airbyte.testsupport.postgres.PostgresTestDatabase;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Stream and column names a source may well have (quotes, semicolons, reserved words, dots, spaces,
 * names longer than PostgreSQL's 63 bytes, names that differ only by case), written by each
 * destination's jar: every record lands with every value in a column of its own, in a table of its
 * stream's own; what an engine cannot store apart fails before anything is written, with a config
 * error naming the stream and the fields, never an SQL error.
 */
@ExtendWith(ProtocolModelsExtension.class)
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class HostileNamesContractIT {

  private static final String LONG = "a_stream_name_that_is_much_longer_than_sixty_three_bytes_of_postgres_";
  /** Stream names: each pair here is a name an engine may confuse with another one. */
  private static final List<String> STREAMS = List.of("Dup", "dup", "select", "we\"ird;name", "dot.ted name",
      LONG + "one", LONG + "two", "Grüße ünïcödé");
  private static final String LONG_COLUMN = "a_column_name_that_is_much_longer_than_sixty_three_bytes_of_postgres_";
  /** Column names (besides id): quote, semicolon, reserved words, dot, space, long names sharing their first 63 bytes. */
  private static final List<String> FIELDS = List.of("\"quoted\"", "semi;colon; DROP TABLE x;--", "order", "from",
      "dot.ted", "with space", LONG_COLUMN + "one", LONG_COLUMN + "two");
  private static final int RECORDS = 3;

  private static PostgresTestDatabase destination;
  private static Path work;

  @BeforeAll
  static void databases() throws Exception {
    destination = EmbeddedPostgresServer.get().createDatabase();
    work = Files.createTempDirectory("hostile-names-");
  }

  @AfterAll
  static void drop() {
    destination.close();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"postgres", "duckdb", "snowflake"})
  void hostileStreamAndColumnNamesLandIntactInEveryMode(String targetName) throws Exception {
    Target target = target(targetName);
    String namespace = "hostile_" + UUID.randomUUID().toString().substring(0, 8);
    List<ConfiguredAirbyteStream> streams = new ArrayList<>();
    DestinationSyncMode[] modes = {DestinationSyncMode.APPEND, DestinationSyncMode.APPEND_DEDUP, DestinationSyncMode.OVERWRITE};
    for (int i = 0; i < STREAMS.size(); i++) {
      streams.add(configured(namespace, STREAMS.get(i), FIELDS, modes[i % modes.length]));
    }
    List<String> lines = new ArrayList<>();
    for (String stream : STREAMS) {
      for (int r = 1; r <= RECORDS; r++) {
        lines.add(record(namespace, stream, r, FIELDS));
      }
      lines.add(state(namespace, stream));
    }

    ConnectorProcess.Output out = write(target, new ConfiguredAirbyteCatalog().withStreams(streams), lines);

    assertThat(out.exitCode()).as(out.stderr()).isZero();
    assertThat(out.ofType(AirbyteMessage.Type.STATE)).as("every stream's state echoed").hasSize(STREAMS.size());
    assertThat(out.stderr()).as("no SQL error in the log").doesNotContainIgnoringCase("SQLException")
        .doesNotContain("Parser Error");
    Map<String, List<Map<String, String>>> tables = target.tablesIn(namespace);
    assertThat(tables).as("one table per stream").hasSize(STREAMS.size());
    for (String stream : STREAMS) {
      List<Map.Entry<String, List<Map<String, String>>>> holding = tables.entrySet().stream()
          .filter(t -> t.getValue().stream().anyMatch(row -> stream.equals(value(row, "stream_name"))))
          .toList();
      assertThat(holding).as("tables holding the rows of " + stream + ": " + tables.keySet()).hasSize(1);
      String table = holding.get(0).getKey();
      assertThat(table.toUpperCase(Locale.ROOT)).as("table of " + stream)
          .startsWith(stream.substring(0, Math.min(stream.length(), 50)).toUpperCase(Locale.ROOT));
      List<Map<String, String>> rows = holding.get(0).getValue();
      assertThat(rows).as(stream).hasSize(RECORDS);
      for (Map<String, String> row : rows) {
        for (String field : FIELDS) {
          // the value names its field: the one column holding it is the field's own (long names share a prefix)
          String expected = valueOf(stream, value(row, "id"), field);
          List<String> columns = row.keySet().stream().filter(c -> sameColumn(c, field))
              .filter(c -> expected.equals(row.get(c))).toList();
          assertThat(columns).as("columns holding field " + field + " in " + row).hasSize(1);
        }
      }
    }
    if (!targetName.equals("postgres")) {
      assertThat(tables.keySet()).as("Dup and dup are one name here: one of them is renamed")
          .anyMatch(t -> t.equalsIgnoreCase("dup")).anyMatch(t -> t.toLowerCase(Locale.ROOT).matches("dup_[0-9a-f]{3,}"));
    } else {
      assertThat(tables.keySet()).contains("Dup", "dup", "select", "we\"ird;name", "dot.ted name", "Grüße ünïcödé")
          .allMatch(t -> t.getBytes(StandardCharsets.UTF_8).length <= 63);
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"postgres", "duckdb", "snowflake"})
  void fieldsOneColumnApartFailBeforeAnythingIsWrittenNamingStreamAndFields(String targetName) throws Exception {
    Target target = target(targetName);
    String namespace = "clash_" + UUID.randomUUID().toString().substring(0, 8);
    // differ only by case: apart in PostgreSQL, one column in DuckDB and Snowflake
    List<String> byCase = List.of("Amount", "amount");
    // the destination's own column: one column everywhere
    List<String> airbyte = List.of("_airbyte_raw_id");
    var catalog = new ConfiguredAirbyteCatalog().withStreams(List.of(
        configured(namespace, "first fine", List.of("x"), DestinationSyncMode.APPEND),
        configured(namespace, "by case", byCase, DestinationSyncMode.APPEND)));
    List<String> lines = List.of(record(namespace, "first fine", 1, List.of("x")), record(namespace, "by case", 1, byCase),
        state(namespace, "by case"));

    ConnectorProcess.Output out = write(target, catalog, lines);

    if (targetName.equals("postgres")) {
      assertThat(out.exitCode()).as(out.stderr()).isZero();
      Map<String, String> row = target.tablesIn(namespace).get("by case").get(0);
      assertThat(row).containsEntry("Amount", valueOf("by case", "1", "Amount")).containsEntry("amount",
          valueOf("by case", "1", "amount"));
    } else {
      assertConfigErrorNaming(out, "by case", "Amount", "amount");
      assertThat(target.tablesIn(namespace)).as("nothing written, not even the fine stream").isEmpty();
    }

    String other = "own_" + UUID.randomUUID().toString().substring(0, 8);
    ConnectorProcess.Output own = write(target, new ConfiguredAirbyteCatalog().withStreams(List.of(
        configured(other, "uses airbyte's name", airbyte, DestinationSyncMode.APPEND))),
        List.of(record(other, "uses airbyte's name", 1, airbyte)));
    assertConfigErrorNaming(own, "uses airbyte's name", "_airbyte_raw_id");
    assertThat(target.tablesIn(other)).isEmpty();
  }

  private static void assertConfigErrorNaming(ConnectorProcess.Output out, String stream, String... fields) {
    assertThat(out.exitCode()).as(out.stderr()).isNotZero();
    List<AirbyteMessage> traces = out.ofType(AirbyteMessage.Type.TRACE);
    assertThat(traces).as(out.stderr()).hasSize(1);
    var error = traces.get(0).getTrace().getError();
    assertThat(error.getFailureType()).isEqualTo(io.airbyte.protocol.models.AirbyteErrorTraceMessage.FailureType.CONFIG_ERROR);
    assertThat(error.getMessage()).contains("stream '", stream).doesNotContainIgnoringCase("SQL");
    for (String field : fields) {
      assertThat(error.getMessage()).contains("'" + field + "'");
    }
  }

  /** Whether an engine's column holds the field: same name (case aside), or its first bytes then a hash suffix when longer than 63 bytes. */
  private static boolean sameColumn(String column, String field) {
    if (column.equalsIgnoreCase(field)) {
      return true;
    }
    return field.getBytes(StandardCharsets.UTF_8).length > 63 && column.length() <= 63
        && column.matches("(?s).*_[0-9a-f]{8}") && field.startsWith(column.substring(0, column.length() - 9));
  }

  private static String value(Map<String, String> row, String column) {
    return row.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(column)).map(Map.Entry::getValue)
        .findFirst().orElse(null);
  }

  /** The value of a field in a record: naming stream, record and field, with quotes, a semicolon and a newline. */
  private static String valueOf(String stream, String id, String field) {
    return stream + "|" + id + "|" + field + "|'it''s'; \"q\"\nnext line";
  }

  private static ConfiguredAirbyteStream configured(String namespace, String name, List<String> fields,
      DestinationSyncMode mode) {
    ObjectNode schema = Jsons.object().put("type", "object");
    ObjectNode properties = schema.putObject("properties");
    properties.putObject("id").put("type", "integer");
    properties.putObject("stream_name").put("type", "string");
    fields.forEach(f -> properties.putObject(f).put("type", "string"));
    AirbyteStream stream = new AirbyteStream().withName(name).withNamespace(namespace).withJsonSchema(schema)
        .withSupportedSyncModes(List.of(SyncMode.FULL_REFRESH, SyncMode.INCREMENTAL));
    boolean dedup = mode == DestinationSyncMode.APPEND_DEDUP;
    return new ConfiguredAirbyteStream().withStream(stream).withSyncMode(dedup ? SyncMode.INCREMENTAL : SyncMode.FULL_REFRESH)
        .withDestinationSyncMode(mode).withPrimaryKey(dedup ? List.of(List.of("id")) : List.of())
        .withCursorField(dedup ? List.of(fields.get(0)) : null)
        .withGenerationId(1L).withMinimumGenerationId(mode == DestinationSyncMode.OVERWRITE ? 1L : 0L).withSyncId(1L);
  }

  private static String record(String namespace, String stream, int id, List<String> fields) {
    ObjectNode data = Jsons.object().put("id", id).put("stream_name", stream);
    fields.forEach(f -> data.put(f, valueOf(stream, String.valueOf(id), f)));
    return Jsons.serialize(new AirbyteMessage().withType(AirbyteMessage.Type.RECORD).withRecord(new AirbyteRecordMessage()
        .withNamespace(namespace).withStream(stream).withData(data).withEmittedAt(1_700_000_000_000L + id)));
  }

  private static String state(String namespace, String stream) {
    return Jsons.serialize(new AirbyteMessage().withType(AirbyteMessage.Type.STATE).withState(new AirbyteStateMessage()
        .withType(io.airbyte.protocol.models.AirbyteStateType.STREAM).withStream(new AirbyteStreamState()
            .withStreamDescriptor(new StreamDescriptor().withNamespace(namespace).withName(stream))
            .withStreamState(Jsons.object().put("done", true)))));
  }

  /** Runs the destination jar's {@code write} with the lines on stdin, as the platform does. */
  private static ConnectorProcess.Output write(Target target, ConfiguredAirbyteCatalog catalog, List<String> lines)
      throws Exception {
    Path dir = Files.createTempDirectory(work, "write-");
    Path config = Files.writeString(dir.resolve("config.json"), Jsons.serialize(target.config()));
    Path catalogFile = Files.writeString(dir.resolve("catalog.json"), Jsons.serialize(catalog));
    Path stderr = dir.resolve("destination.stderr");
    Process process = ConnectorProcess.start(target.connector(), stderr, "write", "--config", config.toString(), "--catalog",
        catalogFile.toString());
    CompletableFuture<ConnectorProcess.Output> output = CompletableFuture.supplyAsync(() -> {
      try {
        return ConnectorProcess.Output.read(process.getInputStream(), target.connector(), "write");
      } catch (java.io.IOException e) {
        throw new IllegalStateException(e);
      }
    });
    try (OutputStream in = process.getOutputStream()) {
      for (String line : lines) {
        in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
      }
    } catch (java.io.IOException closedEarly) {
      // a destination that refused the catalog stops reading: its output says why
    }
    if (!process.waitFor(3, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new IllegalStateException("destination did not finish; see " + dir);
    }
    return output.get().withExit(process.exitValue(), Files.readString(stderr));
  }

  private static Target target(String name) throws Exception {
    return switch (name) {
      case "postgres" -> Target.postgres(destination);
      case "snowflake" -> Target.snowflake();
      default -> Target.duckdb(Files.createTempDirectory(work, "duckdb-").resolve("warehouse.duckdb"));
    };
  }
}
