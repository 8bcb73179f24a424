package io.airbyte.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.airbyte.contract.connector.ActorType;
import io.airbyte.contract.connector.ConnectorDefinition;
import io.airbyte.contract.connector.ConnectorRuntime.BuiltInJar;
import io.airbyte.contract.connector.ConnectorRuntime.DockerImage;
import io.airbyte.db.definition.DefinitionRepository;
import io.airbyte.protocol.json.Jsons;
import io.airbyte.testsupport.postgres.PostgresExtension;
import io.airbyte.testsupport.postgres.PostgresTestDatabase;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.jdbc.core.simple.JdbcClient;

/** V3 gives the definitions a platform stored under V2 their runtime: built-ins our jars, the others their image. */
@ExtendWith(PostgresExtension.class)
class ConnectorRuntimeMigrationIT {

  static final String WORKSPACE = "00000000-0000-0000-0000-0000000000aa";
  static final String BUILT_IN = "decd338e-5647-4c0b-adf4-da0e75f5a750";
  static final String CUSTOM = "00000000-0000-0000-0000-0000000000cc";
  static final String SPEC = "{\"connectionSpecification\":{\"type\":\"object\"}}";

  @Test
  void definitionsOfV2GetTheirRuntimeAndKeepTheirVersions(PostgresTestDatabase db) {
    DataSource dataSource = db.dataSource();
    Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").target("2").load().migrate();
    // as the platform of V2 stored them: source-postgres moved from dev to 1.0.0, and a workspace's image
    db.execute("INSERT INTO workspace (id, name) VALUES ('" + WORKSPACE + "', 'w')",
        "INSERT INTO actor_definition (id, actor_type, name, docker_repository, built_in) VALUES "
            + "('" + BUILT_IN + "', 'source', 'Postgres', 'airbyte/source-postgres', true)",
        "INSERT INTO actor_definition_version (id, actor_definition_id, docker_repository, docker_image_tag, spec, protocol_version) "
            + "VALUES ('00000000-0000-0000-0000-000000000001', '" + BUILT_IN + "', 'airbyte/source-postgres', 'dev', '" + SPEC
            + "', '0.2.0'), ('00000000-0000-0000-0000-000000000002', '" + BUILT_IN + "', 'airbyte/source-postgres', '1.0.0', '"
            + SPEC + "', '0.2.0')",
        "UPDATE actor_definition SET default_version_id = '00000000-0000-0000-0000-000000000002' WHERE id = '" + BUILT_IN + "'",
        "INSERT INTO actor_definition (id, actor_type, name, docker_repository, workspace_id) VALUES "
            + "('" + CUSTOM + "', 'destination', 'Acme', 'registry.acme.io:5000/acme/destination-lake', '" + WORKSPACE + "')",
        "INSERT INTO actor_definition_version (id, actor_definition_id, docker_repository, docker_image_tag, spec, protocol_version) "
            + "VALUES ('00000000-0000-0000-0000-000000000003', '" + CUSTOM + "', 'registry.acme.io:5000/acme/destination-lake', "
            + "'0.3', '" + SPEC + "', '0.5.0')",
        "UPDATE actor_definition SET default_version_id = '00000000-0000-0000-0000-000000000003' WHERE id = '" + CUSTOM + "'");

    // V3 alone migrates these rows; the later migrations then bring the schema to what the repositories read
    assertThat(Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").target("3").load()
        .migrate().migrationsExecuted).isEqualTo(1);
    MetadataDatabase.migrate(dataSource);

    DefinitionRepository definitions = new DefinitionRepository(dataSource);
    ConnectorDefinition builtIn = definitions.get(UUID.fromString(BUILT_IN));
    assertThat(builtIn.runtime()).isEqualTo(new BuiltInJar("source-postgres"));
    assertThat(builtIn.version()).isEqualTo("1.0.0");
    assertThat(builtIn.image()).isEqualTo(new DockerImage("airbyte/source-postgres", "1.0.0"));
    assertThat(builtIn.builtIn()).isTrue();
    assertThat(builtIn.spec()).isEqualTo(Jsons.deserialize(SPEC));
    ConnectorDefinition custom = definitions.get(UUID.fromString(CUSTOM));
    assertThat(custom.runtime()).isEqualTo(new DockerImage("registry.acme.io:5000/acme/destination-lake", "0.3"));
    assertThat(custom.version()).isEqualTo("0.3");
    assertThat(custom.protocolVersion()).isEqualTo("0.5.0");
    assertThat(custom.workspaceId()).isEqualTo(UUID.fromString(WORKSPACE));
    JdbcClient jdbc = JdbcClient.create(dataSource);
    assertThat(jdbc.sql("SELECT runtime->>'type' FROM actor_definition_version WHERE id = '00000000-0000-0000-0000-000000000001'")
        .query(String.class).single()).isEqualTo("built_in_jar");
    assertThat(jdbc.sql("SELECT count(*) FROM information_schema.columns WHERE column_name IN ('docker_repository', "
        + "'docker_image_tag') AND table_name LIKE 'actor_definition%'").query(Integer.class).single()).isZero();

    // a version still names one row of its definition: registering it again keeps it
    ConnectorDefinition again = definitions.registerBuiltIn(new ConnectorDefinition(builtIn.id(), ActorType.SOURCE, "Postgres",
        "1.0.0", null, builtIn.spec(), "0.2.0", true, null, null, new BuiltInJar("source-postgres")));
    assertThat(again.versionId()).isEqualTo(builtIn.versionId());
  }
}
