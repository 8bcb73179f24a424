package io.airbyte.connectors.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.airbyte.protocol.ProtocolSchema;
import io.airbyte.protocol.config.ConfigValidator;
import io.airbyte.protocol.json.Jsons;
import io.airbyte.protocol.models.AirbyteMessage;
import io.airbyte.testsupport.postgres.PostgresExtension;
import io.airbyte.testsupport.postgres.PostgresTestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** spec, check (good and bad config) and discover of every connector, run as processes. */
@ExtendWith({PostgresExtension.class, ProtocolModelsExtension.class})
@Timeout(value = 20, unit = TimeUnit.MINUTES)
class SpecCheckDiscoverContractIT {

  private final PostgresTestDatabase db;
  @TempDir
  Path dir;

  SpecCheckDiscoverContractIT(PostgresTestDatabase db) {
    this.db = db;
  }

  @ParameterizedTest
  @EnumSource(ConnectorJar.class)
  void specIsValidAndMarksSecrets(ConnectorJar connector) throws Exception {
    ConnectorProcess.Output spec = ConnectorProcess.run(connector, dir, "spec");
    assertThat(spec.exitCode()).isZero();
    assertThat(spec.notMessages()).isEmpty();
    AirbyteMessage message = spec.ofType(AirbyteMessage.Type.SPEC).get(0);
    assertThat(ProtocolSchema.validate("AirbyteMessage", Jsons.toTree(message))).isEmpty();
    JsonNode connection = message.getSpec().getConnectionSpecification();
    // a valid draft-07 JSON Schema (checked against the draft's meta-schema), which the good config satisfies
    assertThat(SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7)
        .getSchema(SchemaLocation.of("http://json-schema.org/draft-07/schema#")).validate(connection))
        .extracting(Object::toString).isEmpty();
    assertThat(ConfigValidator.validate(connection, good(connector))).isEmpty();
    assertSecretsMarked(connection);
  }

  private static void assertSecretsMarked(JsonNode schema) {
    JsonNode properties = schema.path("properties");
    for (Iterator<Map.Entry<String, JsonNode>> it = properties.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> p = it.next();
      if (p.getKey().contains("password") || p.getKey().contains("key") || p.getKey().contains("certificate")) {
        assertThat(p.getValue().path("airbyte_secret").asBoolean()).as(p.getKey()).isTrue();
      }
      assertSecretsMarked(p.getValue());
      p.getValue().path("oneOf").forEach(SpecCheckDiscoverContractIT::assertSecretsMarked);
    }
  }

  @ParameterizedTest
  @EnumSource(ConnectorJar.class)
  void checkSucceedsWithAGoodConfigAndFailsReadablyWithABadOne(ConnectorJar connector) throws Exception {
    assertThat(check(connector, good(connector)).get("status").asText()).isEqualTo("SUCCEEDED");
    JsonNode failed = check(connector, bad(connector));
    assertThat(failed.get("status").asText()).isEqualTo("FAILED");
    assertThat(failed.get("message").asText()).contains(badConfigMessage(connector)).doesNotContain("Exception");
  }

  @Test
  void sourcesDiscoverValidCatalogs() throws Exception {
    db.execute("CREATE TABLE discovered (id int PRIMARY KEY, v text)");
    for (ConnectorJar source : new ConnectorJar[] {ConnectorJar.SOURCE_POSTGRES, ConnectorJar.SOURCE_FAKER}) {
      Path config = Files.writeString(dir.resolve("config.json"), Jsons.serialize(good(source)));
      ConnectorProcess.Output output = ConnectorProcess.run(source, dir, "discover", "--config", config.toString());
      assertThat(output.exitCode()).as(output.stderr()).isZero();
      AirbyteMessage catalog = output.ofType(AirbyteMessage.Type.CATALOG).get(0);
      assertThat(ProtocolSchema.validate("AirbyteMessage", Jsons.toTree(catalog))).isEmpty();
      assertThat(catalog.getCatalog().getStreams()).isNotEmpty()
          .allSatisfy(s -> assertThat(s.getSupportedSyncModes()).isNotEmpty());
    }
  }

  private JsonNode check(ConnectorJar connector, JsonNode config) throws Exception {
    Path file = Files.writeString(Files.createTempFile(dir, "config", ".json"), Jsons.serialize(config));
    ConnectorProcess.Output output = ConnectorProcess.run(connector, dir, "check", "--config", file.toString());
    assertThat(output.exitCode()).as("check exits 0 even when it fails").isZero();
    return Jsons.toTree(output.ofType(AirbyteMessage.Type.CONNECTION_STATUS).get(0).getConnectionStatus());
  }

  private JsonNode good(ConnectorJar connector) {
    return switch (connector) {
      case SOURCE_POSTGRES -> {
        ObjectNode config = postgres();
        config.putArray("schemas").add("public");
        yield config;
      }
      case DESTINATION_POSTGRES -> postgres().put("schema", "contract_check");
      case DESTINATION_DUCKDB -> Jsons.object().put("destination_path", dir.resolve("check.duckdb").toString());
      case DESTINATION_SNOWFLAKE -> snowflake("PUBLIC");
      case SOURCE_FAKER -> Jsons.object().put("count", 10);
    };
  }

  private JsonNode bad(ConnectorJar connector) {
    return switch (connector) {
      case SOURCE_POSTGRES, DESTINATION_POSTGRES -> ((ObjectNode) good(connector)).put("password", "wrong");
      case DESTINATION_DUCKDB -> Jsons.object().put("destination_path", "md:cloud");
      case DESTINATION_SNOWFLAKE -> snowflake("NO_SUCH_SCHEMA"); // the emulator accepts any password
      case SOURCE_FAKER -> Jsons.object().put("count", 0);
    };
  }

  /** What the failed check says about the bad config of {@link #bad}. */
  private static String badConfigMessage(ConnectorJar connector) {
    return switch (connector) {
      case SOURCE_POSTGRES, DESTINATION_POSTGRES -> "password authentication failed";
      case DESTINATION_DUCKDB -> "MotherDuck is not supported";
      case DESTINATION_SNOWFLAKE -> "NO_SUCH_SCHEMA";
      case SOURCE_FAKER -> "count";
    };
  }

  private JsonNode snowflake(String schema) {
    try {
      return ((ObjectNode) Target.snowflake().config()).put("schema", schema);
    } catch (Exception e) {
      throw new IllegalStateException("cannot make a database in the Snowflake emulator", e);
    }
  }

  private ObjectNode postgres() {
    ObjectNode config = Jsons.object().put("host", db.host()).put("port", db.port()).put("database", db.databaseName())
        .put("username", db.username()).put("password", db.password());
    config.putObject("ssl_mode").put("mode", "disable");
    return config;
  }
}
