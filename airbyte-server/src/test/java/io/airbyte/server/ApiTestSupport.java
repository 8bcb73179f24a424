package io.airbyte.server;

import io.airbyte.contract.connector.ActorType;
import io.airbyte.contract.connector.ConnectorDefinition;
import io.airbyte.contract.connector.ConnectorRuntime.BuiltInJar;
import io.airbyte.db.definition.DefinitionRepository;
import io.airbyte.protocol.json.Jsons;
import io.airbyte.server.config.PlatformBeans.PlatformEnvironment;
import io.airbyte.testsupport.postgres.EmbeddedPostgresServer;
import io.airbyte.testsupport.postgres.PostgresTestDatabase;
import io.airbyte.worker.connector.ConnectorActivitiesImpl;
import io.airbyte.worker.process.JobDirectories;
import io.airbyte.worker.process.LocalConnectorJars;
import io.airbyte.worker.process.LocalProcessFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Shared by the API tests: a database, the platform environment, built-in definitions with their real specs. */
final class ApiTestSupport {

  static final String ADMIN_PASSWORD = "admin-secret-pw";
  static final Path CONNECTORS = Path.of(System.getProperty("connectors.dir", "../connectors"));
  static final PostgresTestDatabase DB = EmbeddedPostgresServer.get().createDatabase();
  static final Path HOME;

  static {
    try {
      HOME = Files.createTempDirectory("airbyte-home");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private ApiTestSupport() {}

  /** The server's datasource: the tests' database. */
  static void database(org.springframework.test.context.DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", DB::jdbcUrl);
    registry.add("spring.datasource.username", DB::username);
    registry.add("spring.datasource.password", DB::password);
  }

  static PlatformEnvironment environment() {
    return new PlatformEnvironment(Map.of("AIRBYTE_HOME", HOME.toString(), "AIRBYTE_ADMIN_PASSWORD", ADMIN_PASSWORD,
        "AIRBYTE_SECRETS_KEY", Base64.getEncoder().encodeToString(new byte[32])));
  }

  static LocalConnectorJars jars() {
    return new LocalConnectorJars(CONNECTORS, List.of("-XX:+UseSerialGC", "-Xmx192m"));
  }

  /** Registers source-postgres and destination-postgres with the specs their jars give. */
  static void registerPostgres(DefinitionRepository definitions) {
    var connectors = new ConnectorActivitiesImpl(new LocalProcessFactory(jars()), new JobDirectories(HOME.resolve("specs")),
        Duration.ofMinutes(2), Clock.systemUTC());
    BuiltInJar sourceJar = new BuiltInJar("source-postgres");
    BuiltInJar destinationJar = new BuiltInJar("destination-postgres");
    var source = connectors.spec(sourceJar);
    var destination = connectors.spec(destinationJar);
    definitions.registerBuiltIn(new ConnectorDefinition(UUID.fromString("decd338e-5647-4c0b-adf4-da0e75f5a750"), ActorType.SOURCE,
        "Postgres", "dev", null, Jsons.toTree(source.output()), "0.2.0", true, null, null, sourceJar));
    definitions.registerBuiltIn(new ConnectorDefinition(UUID.fromString("25c5221d-dce2-4163-ade9-739ef790f503"),
        ActorType.DESTINATION, "Postgres", "dev", null, Jsons.toTree(destination.output()), "0.2.0", true, null, null,
        destinationJar));
  }
}
