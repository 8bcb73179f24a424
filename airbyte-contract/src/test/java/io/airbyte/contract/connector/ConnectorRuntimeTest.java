package io.airbyte.contract.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.airbyte.contract.connector.ConnectorRuntime.BuiltInJar;
import io.airbyte.contract.connector.ConnectorRuntime.DockerImage;
import io.airbyte.protocol.json.Jsons;
import io.temporal.common.converter.DefaultDataConverter;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The runtime as JSON: in the database (the protocol's mapper) and in Temporal's payloads (its own mapper). */
class ConnectorRuntimeTest {

  /** A runtime inside an activity input, as {@code ConnectorCommandInput} carries it. */
  record Carrier(String command, ConnectorRuntime runtime) {}

  @Test
  void eachRuntimeIsWrittenWithItsTypeAndReadBack() throws Exception {
    ConnectorRuntime image = new DockerImage("acme/source-api", "1.2");
    ConnectorRuntime jar = new BuiltInJar("source-postgres");

    assertThat(Jsons.serialize(image)).isEqualTo("{\"type\":\"docker_image\",\"repository\":\"acme/source-api\",\"tag\":\"1.2\"}");
    assertThat(Jsons.serialize(jar)).isEqualTo("{\"type\":\"built_in_jar\",\"name\":\"source-postgres\"}");
    for (ObjectMapper mapper : List.of(Jsons.mapper(), new ObjectMapper())) {
      for (ConnectorRuntime runtime : List.of(image, jar)) {
        assertThat(mapper.readValue(mapper.writeValueAsString(runtime), ConnectorRuntime.class)).isEqualTo(runtime);
      }
    }
  }

  @Test
  void aRuntimeTravelsThroughTemporalInsideAnInput() {
    DefaultDataConverter converter = DefaultDataConverter.newDefaultInstance();
    for (ConnectorRuntime runtime : List.of(new DockerImage("acme/source-api", "1.2"), new BuiltInJar("destination-duckdb"))) {
      Carrier input = new Carrier("spec", runtime);

      var payload = converter.toPayload(input).orElseThrow();

      assertThat(payload.getData().toStringUtf8()).contains("\"type\":");
      assertThat(converter.fromPayload(payload, Carrier.class, Carrier.class)).isEqualTo(input);
    }
  }

  @Test
  void whatIsNotARuntimeIsRefused() {
    assertThatThrownBy(() -> Jsons.deserialize("{\"type\":\"helm_chart\",\"name\":\"x\"}", ConnectorRuntime.class))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("helm_chart");
    assertThatThrownBy(() -> Jsons.deserialize("{\"repository\":\"a/b\",\"tag\":\"1\"}", ConnectorRuntime.class))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new DockerImage("a/b", " ")).hasMessageContaining("tag");
    assertThatThrownBy(() -> new BuiltInJar("../source-postgres")).hasMessageContaining("../source-postgres");
    assertThatThrownBy(() -> new BuiltInJar("Source-Postgres")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aBuiltInJarHasOurImageAndADefinitionShowsItsRuntimeAsAnImage() {
    assertThat(new BuiltInJar("source-faker").image("dev")).isEqualTo(new DockerImage("airbyte/source-faker", "dev"));
    assertThat(new DockerImage("acme/source-api", "1.2").reference()).isEqualTo("acme/source-api:1.2");
    assertThat(new BuiltInJar("source-faker").describe()).isEqualTo("built-in source-faker");

    assertThat(definition("0.4.1", new BuiltInJar("source-postgres")).image())
        .isEqualTo(new DockerImage("airbyte/source-postgres", "0.4.1"));
    assertThat(definition("1.2", new DockerImage("acme/source-api", "1.2")).image())
        .isEqualTo(new DockerImage("acme/source-api", "1.2"));
  }

  @Test
  void matchTakesTheCaseOfTheRuntimeAndPassesItsException() {
    ConnectorRuntime jar = new BuiltInJar("source-faker");
    assertThat(jar.<String, RuntimeException>match(DockerImage::reference, BuiltInJar::name)).isEqualTo("source-faker");
    assertThatThrownBy(() -> new DockerImage("a/b", "1").match(image -> {
      throw new Exception("no docker here for " + image.reference());
    }, BuiltInJar::name)).isInstanceOf(Exception.class).hasMessage("no docker here for a/b:1");
  }

  private static ConnectorDefinition definition(String version, ConnectorRuntime runtime) {
    return new ConnectorDefinition(UUID.randomUUID(), ActorType.SOURCE, "X", version, null, Jsons.object(), "0.2.0", true, null,
        null, runtime);
  }
}
