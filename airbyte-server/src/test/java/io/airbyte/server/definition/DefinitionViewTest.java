package io.airbyte.server.definition;

import static org.assertj.core.api.Assertions.assertThat;

import io.airbyte.contract.connector.ActorType;
import io.airbyte.contract.connector.ConnectorDefinition;
import io.airbyte.contract.connector.ConnectorRuntime;
import io.airbyte.contract.connector.ConnectorRuntime.BuiltInJar;
import io.airbyte.contract.connector.ConnectorRuntime.DockerImage;
import io.airbyte.protocol.json.Jsons;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The API shows every definition with the image fields it always had, derived from the runtime. */
class DefinitionViewTest {

  private static final UUID ID = UUID.fromString("decd338e-5647-4c0b-adf4-da0e75f5a750");

  private static ConnectorDefinition definition(String version, boolean builtIn, ConnectorRuntime runtime) {
    return new ConnectorDefinition(ID, ActorType.SOURCE, "Postgres", version, "https://docs", Jsons.object(), "0.2.0", builtIn,
        builtIn ? null : UUID.randomUUID(), UUID.randomUUID(), runtime);
  }

  @Test
  void aBuiltInJarShowsAsOurImageAtItsVersion() {
    String json = Jsons.serialize(DefinitionView.of(definition("0.4.1", true, new BuiltInJar("source-postgres"))));

    assertThat(json).isEqualTo("{\"definitionId\":\"" + ID + "\",\"type\":\"source\",\"name\":\"Postgres\","
        + "\"dockerRepository\":\"airbyte/source-postgres\",\"dockerImageTag\":\"0.4.1\",\"documentationUrl\":\"https://docs\","
        + "\"builtIn\":true,\"spec\":{},\"runtime\":{\"type\":\"built_in_jar\",\"name\":\"source-postgres\"}}");
  }

  @Test
  void aDockerImageShowsAsItself() {
    var view = DefinitionView.of(definition("1.2", false, new DockerImage("acme/source-api", "1.2")));

    assertThat(view.dockerRepository()).isEqualTo("acme/source-api");
    assertThat(view.dockerImageTag()).isEqualTo("1.2");
    assertThat(view.builtIn()).isFalse();
  }

  @Test
  void aPythonPackageShowsAsAirbytesImageOfItAndAsItsRuntime() {
    String json = Jsons.serialize(DefinitionResponse.of(definition("7.2.1", false,
        new ConnectorRuntime.PythonPackage("airbyte-source-faker", "7.2.1"))));

    assertThat(json).isEqualTo("{\"id\":\"" + ID + "\",\"name\":\"Postgres\",\"dockerRepository\":\"airbyte/source-faker\","
        + "\"dockerImageTag\":\"7.2.1\",\"documentationUrl\":\"https://docs\","
        + "\"runtime\":{\"type\":\"python_package\",\"package\":\"airbyte-source-faker\",\"version\":\"7.2.1\"}}");
  }
}
