package io.airbyte.server.actor;

import static org.assertj.core.api.Assertions.assertThat;

import io.airbyte.contract.connector.ActorType;
import io.airbyte.contract.connector.ConnectorDefinition;
import io.airbyte.contract.connector.ConnectorRuntime;
import io.airbyte.contract.connector.ConnectorRuntime.BuiltInJar;
import io.airbyte.contract.connector.ConnectorRuntime.DockerImage;
import io.airbyte.protocol.json.Jsons;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The {@code sourceType}/{@code destinationType} of an actor comes from the image its definition stands for. */
class ActorTypeNameTest {

  private static ConnectorDefinition definition(ActorType type, ConnectorRuntime runtime) {
    return new ConnectorDefinition(UUID.randomUUID(), type, "X", "dev", null, Jsons.object(), "0.2.0", true, null, null, runtime);
  }

  @Test
  void builtInJarsAndImagesGiveTheNamesTheyGaveAsImages() {
    assertThat(ActorService.typeName(ActorType.SOURCE, definition(ActorType.SOURCE, new BuiltInJar("source-postgres"))))
        .isEqualTo("postgres");
    assertThat(ActorService.typeName(ActorType.DESTINATION, definition(ActorType.DESTINATION, new BuiltInJar("destination-duckdb"))))
        .isEqualTo("duckdb");
    assertThat(ActorService.typeName(ActorType.SOURCE, definition(ActorType.SOURCE, new DockerImage("acme/source-api", "1"))))
        .isEqualTo("api");
    assertThat(ActorService.typeName(ActorType.SOURCE, definition(ActorType.SOURCE, new DockerImage("acme/Lake", "1"))))
        .isEqualTo("lake");
  }
}
