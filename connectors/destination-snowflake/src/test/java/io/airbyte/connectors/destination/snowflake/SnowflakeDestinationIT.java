package io.airbyte.connectors.destination.snowflake;

import static io.airbyte.protocol.testing.Messages.catalog;
import static io.airbyte.protocol.testing.Messages.stream;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.airbyte.connector.kit.ConnectorRunner;
import io.airbyte.connector.kit.testing.DestinationRun;
import io.airbyte.protocol.json.Jsons;
import io.airbyte.protocol.models.ConfiguredAirbyteCatalog;
import io.airbyte.protocol.models.DestinationSyncMode;
import io.airbyte.protocol.testing.Messages;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * destination-snowflake against fakesnow's server mode through the official snowflake-jdbc driver.
 * What the emulator cannot show (it accepts any password, role and warehouse) is said where it matters.
 */
class SnowflakeDestinationIT {

  private static final String USERS = """
      {"type":"object","properties":{
        "id":{"type":"integer"},
        "name":{"type":["null","string"]},
        "updated_at":{"type":"string","format":"date-time","airbyte_type":"timestamp_with_timezone"}}}
      """;

  @TempDir
  Path dir;

  private Fakesnow fakesnow;

  @BeforeEach
  void database() throws Exception {
    fakesnow = new Fakesnow();
  }

  private DestinationRun write(ConfiguredAirbyteCatalog catalog, Messages input) throws Exception {
    DestinationRun run = DestinationRun.write(new SnowflakeDestination(), dir, fakesnow.config(), catalog, input.toString());
    assertThat(run.exitCode).as(run.errorMessage() + "\n" + fakesnow.server.log()).isZero();
    return run;
  }

  private JsonNode check(JsonNode config) throws Exception {
    Path file = Files.writeString(Files.createTempFile(dir, "config", ".json"), Jsons.serialize(config));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new ConnectorRunner(new SnowflakeDestination(), new ByteArrayInputStream(new byte[0]), out, Clock.systemUTC())
        .run("check", "--config", file.toString());
    return out.toString(StandardCharsets.UTF_8).lines().map(Jsons::deserialize)
        .filter(m -> m.path("type").asText().equals("CONNECTION_STATUS")).findFirst().orElseThrow()
        .get("connectionStatus");
  }

  @Test
  void checkSucceedsAndNamesAMissingDatabaseOrSchemaAndAnUnreachableHost() throws Exception {
    assertThat(check(fakesnow.config()).get("status").asText()).isEqualTo("SUCCEEDED");

    JsonNode noDatabase = check(fakesnow.config().put("database", "NO_SUCH_DATABASE"));
    assertThat(noDatabase.get("status").asText()).isEqualTo("FAILED");
    assertThat(noDatabase.get("message").asText()).contains("database").contains("NO_SUCH_DATABASE");

    JsonNode noSchema = check(fakesnow.config().put("schema", "NO_SUCH_SCHEMA"));
    assertThat(noSchema.get("status").asText()).isEqualTo("FAILED");
    assertThat(noSchema.get("message").asText()).contains("schema").contains("NO_SUCH_SCHEMA");

    int closed;
    try (ServerSocket socket = new ServerSocket(0)) {
      closed = socket.getLocalPort();
    }
    JsonNode noHost = check(fakesnow.config().put("host", "127.0.0.1:" + closed));
    assertThat(noHost.get("status").asText()).isEqualTo("FAILED");
    assertThat(noHost.get("message").asText()).contains("host").contains("127.0.0.1:" + closed);
    // Not verifiable on the emulator: a wrong password, role or warehouse (fakesnow accepts any).
  }

  @Test
  void appendKeepsEverySyncInUpperCaseTypedTables() throws Exception {
    var catalog = catalog(stream(null, "users", USERS, DestinationSyncMode.APPEND, null, null, 1, 0));
    DestinationRun first = write(catalog, new Messages()
        .record(null, "users", "{\"id\":1,\"name\":\"Ada\",\"updated_at\":\"2024-01-01T00:00:00Z\"}")
        .record(null, "users", "{\"id\":2,\"name\":\"Grace\",\"updated_at\":\"2024-01-02T00:00:00+02:00\"}")
        .state(null, "users", "{}").status(null, "users", "COMPLETE"));
    assertThat(first.states()).singleElement()
        .satisfies(s -> assertThat(s.at("/state/destinationStats/recordCount").asDouble()).isEqualTo(2.0));
    write(catalog, new Messages().record(null, "users", "{\"id\":2,\"name\":\"Grace \\\"H\\\", jr\"}")
        .state(null, "users", "{}").status(null, "users", "COMPLETE"));
    assertThat(fakesnow.strings("SELECT column_name || ' ' || data_type FROM information_schema.columns"
        + " WHERE table_schema = 'AIRBYTE_SCHEMA' AND table_name = 'USERS' ORDER BY ordinal_position"))
        .containsExactly("_AIRBYTE_RAW_ID TEXT", "_AIRBYTE_EXTRACTED_AT TIMESTAMP_TZ", "_AIRBYTE_META VARIANT",
            "_AIRBYTE_GENERATION_ID NUMBER", "ID NUMBER", "NAME TEXT", "UPDATED_AT TIMESTAMP_TZ");
    List<Map<String, Object>> rows = fakesnow.query("SELECT ID, NAME, TO_VARCHAR(UPDATED_AT) AS TS,"
        + " TO_JSON(_AIRBYTE_META) AS META, _AIRBYTE_GENERATION_ID AS GEN FROM AIRBYTE_SCHEMA.USERS ORDER BY _AIRBYTE_EXTRACTED_AT, ID");
    assertThat(rows).extracting(r -> r.get("NAME")).containsExactly("Ada", "Grace", "Grace \"H\", jr");
    assertThat(Jsons.deserialize((String) rows.get(0).get("META"))).isEqualTo(Jsons.deserialize("{\"sync_id\":42,\"changes\":[]}"));
    assertThat(rows).allSatisfy(r -> assertThat(String.valueOf(r.get("GEN"))).isEqualTo("1"));
  }

  @Test
  void everyColumnTypeAndValuesThatDoNotCastAreNullWithAChange() throws Exception {
    String schema = """
        {"type":"object","properties":{"id":{"type":"integer"},"n":{"type":"number"},"b":{"type":"boolean"},
         "d":{"type":"string","format":"date"},
         "tz":{"type":"string","format":"date-time","airbyte_type":"timestamp_with_timezone"},
         "ntz":{"type":"string","format":"date-time","airbyte_type":"timestamp_without_timezone"},
         "t":{"type":"string","format":"time","airbyte_type":"time_without_timezone"},
         "ttz":{"type":"string","format":"time","airbyte_type":"time_with_timezone"},
         "s":{"type":"string"},"o":{"type":"object"},"a":{"type":"array"},"u":{}}}
        """;
    var catalog = catalog(stream(null, "casts", schema, DestinationSyncMode.APPEND, null, null, 1, 0));
    write(catalog, new Messages()
        .record(null, "casts", "{\"id\":7,\"n\":1.5,\"b\":true,\"d\":\"2024-02-29\",\"tz\":\"2024-01-01T10:00:00+02:00\","
            + "\"ntz\":\"2024-01-01T10:00:00\",\"t\":\"12:30:00\",\"ttz\":\"12:30:00+01:00\",\"s\":\"line\\nbreak, \\\"q\\\"\","
            + "\"o\":{\"k\":\"v,\\\"q\\\"\"},\"a\":[1,\"two\"],\"u\":{\"x\":[null]}}")
        .record(null, "casts", "{\"id\":\"x\",\"n\":\"many\",\"b\":\"maybe\",\"d\":\"2023-02-30\",\"tz\":\"soon\","
            + "\"ntz\":\"later\",\"t\":\"25:00:00\",\"o\":\"not an object\",\"a\":{\"not\":\"an array\"},\"u\":\"plain\"}")
        .state(null, "casts", "{}"));
    assertThat(fakesnow.strings("SELECT column_name || ' ' || data_type FROM information_schema.columns"
        + " WHERE table_schema = 'AIRBYTE_SCHEMA' AND table_name = 'CASTS' ORDER BY ordinal_position").subList(4, 16))
        .containsExactly("ID NUMBER", "N FLOAT", "B BOOLEAN", "D DATE", "TZ TIMESTAMP_TZ", "NTZ TIMESTAMP_NTZ", "T TIME",
            "TTZ TEXT", "S TEXT", "O VARIANT", "A VARIANT", "U VARIANT");
    List<Map<String, Object>> rows = fakesnow.query("SELECT ID, N, B, TO_VARCHAR(D) AS D, TO_VARCHAR(CONVERT_TIMEZONE('UTC', TZ)) AS TZ,"
        + " TO_VARCHAR(NTZ) AS NTZ, TO_VARCHAR(T) AS T, TTZ, S, TO_JSON(O) AS O, TO_JSON(A) AS A, TO_JSON(U) AS U,"
        + " TO_JSON(_AIRBYTE_META) AS META FROM AIRBYTE_SCHEMA.CASTS ORDER BY _AIRBYTE_EXTRACTED_AT, ID NULLS LAST");
    Map<String, Object> good = rows.get(0);
    assertThat(String.valueOf(good.get("ID"))).isEqualTo("7");
    assertThat(((Number) good.get("N")).doubleValue()).isEqualTo(1.5);
    assertThat(good.get("B")).isEqualTo(true);
    assertThat(good.get("D")).isEqualTo("2024-02-29");
    assertThat((String) good.get("TZ")).startsWith("2024-01-01 08:00:00");
    assertThat((String) good.get("NTZ")).startsWith("2024-01-01 10:00:00");
    assertThat((String) good.get("T")).startsWith("12:30:00");
    assertThat(good.get("TTZ")).isEqualTo("12:30:00+01:00");
    assertThat(good.get("S")).isEqualTo("line\nbreak, \"q\"");
    assertThat(Jsons.deserialize((String) good.get("O"))).isEqualTo(Jsons.deserialize("{\"k\":\"v,\\\"q\\\"\"}"));
    assertThat(Jsons.deserialize((String) good.get("A"))).isEqualTo(Jsons.deserialize("[1,\"two\"]"));
    assertThat(Jsons.deserialize((String) good.get("U"))).isEqualTo(Jsons.deserialize("{\"x\":[null]}"));
    assertThat(Jsons.deserialize((String) good.get("META")).get("changes")).isEmpty();

    Map<String, Object> bad = rows.get(1);
    for (String column : List.of("ID", "N", "B", "D", "TZ", "NTZ", "T", "O", "A")) {
      assertThat(bad.get(column)).as(column).isNull();
    }
    assertThat(Jsons.deserialize((String) bad.get("U"))).isEqualTo(Jsons.deserialize("\"plain\""));
    JsonNode changes = Jsons.deserialize((String) bad.get("META")).get("changes");
    assertThat(changes).hasSize(9).allSatisfy(c -> {
      assertThat(c.get("change").asText()).isEqualTo("NULLED");
      assertThat(c.get("reason").asText()).isEqualTo("DESTINATION_TYPECAST_ERROR");
    });
  }

  @Test
  void dedupModesMergeTheLatestRowPerKey() throws Exception {
    var incremental = catalog(stream(null, "d", USERS, DestinationSyncMode.APPEND_DEDUP, List.of("id"), "updated_at", 1, 0));
    write(incremental, new Messages()
        .record(null, "d", "{\"id\":1,\"name\":\"a1\",\"updated_at\":\"2024-01-01T00:00:00Z\"}")
        .record(null, "d", "{\"id\":1,\"name\":\"a2\",\"updated_at\":\"2024-01-02T00:00:00Z\"}")
        .record(null, "d", "{\"id\":2,\"name\":\"b1\",\"updated_at\":\"2024-01-03T00:00:00Z\"}")
        .state(null, "d", "{}").status(null, "d", "COMPLETE"));
    write(incremental, new Messages()
        .record(null, "d", "{\"id\":1,\"name\":\"a0 older\",\"updated_at\":\"2023-01-01T00:00:00Z\"}")
        .record(null, "d", "{\"id\":2,\"name\":\"b2 same cursor\",\"updated_at\":\"2024-01-03T00:00:00Z\"}")
        .record(null, "d", "{\"id\":3,\"name\":\"c1\",\"updated_at\":\"2024-01-03T00:00:00Z\"}")
        .state(null, "d", "{}").status(null, "d", "COMPLETE"));
    assertThat(fakesnow.strings("SELECT NAME FROM AIRBYTE_SCHEMA.D ORDER BY ID")).containsExactly("a2", "b2 same cursor", "c1");

    var refresh = catalog(stream(null, "d", USERS, DestinationSyncMode.APPEND_DEDUP, List.of("id"), "updated_at", 2, 2));
    write(refresh, new Messages().record(null, "d", "{\"id\":3,\"name\":\"c\",\"updated_at\":\"2024-01-04T00:00:00Z\"}")
        .record(null, "d", "{\"id\":3,\"name\":\"c2\",\"updated_at\":\"2024-01-05T00:00:00Z\"}")
        .state(null, "d", "{}").status(null, "d", "COMPLETE"));
    assertThat(fakesnow.strings("SELECT NAME FROM AIRBYTE_SCHEMA.D ORDER BY ID")).as("overwrite + dedup").containsExactly("c2");
  }

  @Test
  void hostileIdentifiersAreQuotedAndColumnsAddedAndWidened() throws Exception {
    // a double quote inside a schema name is lost by fakesnow (its SET schema): not verifiable on the emulator
    String ns = "Weird NS é";
    String table = "My Table; DROP";
    var v1 = catalog(stream(ns, table, "{\"type\":\"object\",\"properties\":{\"Select\":{\"type\":\"integer\"},"
        + "\"a.b\":{\"type\":\"string\"},\"say \\\"hi\\\"\":{\"type\":\"string\"}}}", DestinationSyncMode.APPEND, null, null, 1, 0));
    write(v1, new Messages().record(ns, table, "{\"Select\":1,\"a.b\":\"x\",\"say \\\"hi\\\"\":\"q\"}").state(ns, table, "{}"));
    var v2 = catalog(stream(ns, table, "{\"type\":\"object\",\"properties\":{\"Select\":{\"type\":\"string\"},"
        + "\"a.b\":{\"type\":\"string\"},\"new col\":{\"type\":\"boolean\"}}}", DestinationSyncMode.APPEND, null, null, 1, 0));
    write(v2, new Messages().record(ns, table, "{\"Select\":\"two\",\"new col\":true}").state(ns, table, "{}"));
    assertThat(fakesnow.query("SELECT \"SELECT\" AS S, \"A.B\" AS AB, \"NEW COL\" AS B, \"SAY \"\"HI\"\"\" AS Q FROM \"WEIRD NS É\".\"MY TABLE; DROP\""
        + " ORDER BY _AIRBYTE_EXTRACTED_AT"))
        .extracting(r -> r.get("S") + "/" + r.get("AB") + "/" + r.get("B") + "/" + r.get("Q"))
        .containsExactly("1/x/null/q", "two/null/true/null");
  }

  @Test
  void aStateIsEchoedOnlyOnceTheCopyOfItsRecordsCommitted() throws Exception {
    var catalog = catalog(stream(null, "vis", USERS, DestinationSyncMode.APPEND, null, null, 1, 0));
    Messages input = new Messages();
    for (int batch = 1; batch <= 3; batch++) {
      for (int i = 0; i < 500; i++) {
        input.record(null, "vis", "{\"id\":" + (batch * 1000 + i) + "}");
      }
      input.state(null, "vis", "{\"batch\":" + batch + "}");
    }
    input.record(null, "vis", "{\"id\":9999}"); // no state after it: never committed
    List<Long> rowsWhenEchoed = new java.util.ArrayList<>();
    DestinationRun run = DestinationRun.write(new SnowflakeDestination(), dir, fakesnow.config(), catalog, input.toString(),
        line -> {
          if (line.contains("\"type\":\"STATE\"")) {
            try {
              rowsWhenEchoed.add(fakesnow.number("SELECT count(*) FROM AIRBYTE_SCHEMA.VIS"));
            } catch (Exception e) {
              throw new IllegalStateException(e);
            }
          }
        });
    assertThat(run.exitCode).as(run.errorMessage()).isZero();
    assertThat(run.states()).extracting(s -> s.at("/state/destinationStats/recordCount").asDouble())
        .containsExactly(500.0, 500.0, 500.0);
    assertThat(rowsWhenEchoed).as("another session sees the records of each state when it is echoed")
        .containsExactly(500L, 1000L, 1500L);
  }

  @Test
  void aConfigCopiedFromAirbyteWithAKeyPairIsAccepted() {
    ObjectNode config = fakesnow.config();
    config.putObject("credentials").put("auth_type", "Key Pair Authentication")
        .put("private_key", "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkq\nhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----\n")
        .put("private_key_password", "pass");
    var parsed = SnowflakeDestinationConfig.from(config);
    assertThat(parsed.properties()).containsEntry("authenticator", "SNOWFLAKE_JWT")
        .containsEntry("private_key_base64", "MIIEvQIBADANBgkqhkiG9w0BAQEFAASC").containsEntry("private_key_pwd", "pass")
        .doesNotContainKey("password");
    // Not verifiable on the emulator: the key pair login itself (fakesnow checks no credentials).
  }
}
