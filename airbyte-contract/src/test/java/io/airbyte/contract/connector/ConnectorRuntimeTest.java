package io.airbyte.contract.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.airbyte.contract.connector.ConnectorRuntime.BuiltInJar;
import io.airbyte.contract.connector.ConnectorRuntime.DockerImage;
import io.airbyte.contract.connector.ConnectorRuntime.PythonPackage;
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
    assertThat(jar.<String, RuntimeException>match(DockerImage::reference, BuiltInJar::name, PythonPackage::requirement,
        m -> m.cdkVersion())).isEqualTo("source-faker");
    assertThatThrownBy(() -> new DockerImage("a/b", "1").match(image -> {
      throw new Exception("no docker here for " + image.reference());
    }, BuiltInJar::name, PythonPackage::requirement,
        m -> m.cdkVersion())).isInstanceOf(Exception.class).hasMessage("no docker here for a/b:1");
  }

  private static ConnectorDefinition definition(String version, ConnectorRuntime runtime) {
    return new ConnectorDefinition(UUID.randomUUID(), ActorType.SOURCE, "X", version, null, Jsons.object(), "0.2.0", true, null,
        null, runtime);
  }

  @Test
  void aPythonPackageIsWrittenWithItsTypeAndReadBack() throws Exception {
    ConnectorRuntime faker = new PythonPackage("airbyte-source-faker", "7.2.1");

    assertThat(Jsons.serialize(faker)).isEqualTo("{\"type\":\"python_package\",\"package\":\"airbyte-source-faker\",\"version\":\"7.2.1\"}");
    for (ObjectMapper mapper : List.of(Jsons.mapper(), new ObjectMapper())) {
      assertThat(mapper.readValue(mapper.writeValueAsString(faker), ConnectorRuntime.class)).isEqualTo(faker);
    }
    DefaultDataConverter converter = DefaultDataConverter.newDefaultInstance();
    Carrier input = new Carrier("spec", faker);
    assertThat(converter.fromPayload(converter.toPayload(input).orElseThrow(), Carrier.class, Carrier.class)).isEqualTo(input);
    assertThat(faker.describe()).isEqualTo("airbyte-source-faker==7.2.1");
    assertThat(faker.<String, RuntimeException>match(DockerImage::reference, BuiltInJar::name, PythonPackage::expectedScript,
        m -> m.cdkVersion()))
        .isEqualTo("source-faker");
  }

  @Test
  void aPythonPackageNamesItsScriptAndTheImageAirbytePublishesItAs() {
    PythonPackage faker = new PythonPackage("airbyte-source-faker", "7.2.1");
    assertThat(faker.expectedScript()).isEqualTo("source-faker");
    assertThat(faker.image()).isEqualTo(new DockerImage("airbyte/source-faker", "7.2.1"));
    assertThat(definition("7.2.1", faker).image()).isEqualTo(new DockerImage("airbyte/source-faker", "7.2.1"));

    PythonPackage other = new PythonPackage("Acme_Source.API", "1.0rc1");
    assertThat(other.normalizedName()).isEqualTo("acme-source-api");
    assertThat(other.expectedScript()).isEqualTo("acme-source-api");
    assertThat(other.image()).isEqualTo(new DockerImage("acme-source-api", "1.0rc1"));
  }

  @Test
  void aPythonPackageTakesPep508NamesAndPlainVersionsOnly() {
    for (String name : List.of("airbyte-source-faker", "a", "A1", "zope.interface", "typing_extensions", "x-y.z_1")) {
      assertThat(new PythonPackage(name, "1").packageName()).isEqualTo(name);
    }
    for (String version : List.of("7.2.1", "1", "2024.10.1", "1.0a1", "1.0b2", "1.0rc1", "2.0.post1", "3.1.dev4", "1!2.0")) {
      assertThat(new PythonPackage("p", version).version()).isEqualTo(version);
    }
    for (String name : List.of("-faker", "faker-", ".x", "a b", "faker;rm -rf /", "faker==1", "faker[extra]", "../x", "a/b",
        "$(id)", "a`id`", "a|b", "a&b", "a>b", "naïve", "a\nb")) {
      assertThatThrownBy(() -> new PythonPackage(name, "1")).as(name).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("Python package name");
    }
    for (String version : List.of(">=1.0", "1.*", "~=1.2", "1.0 ; rm", "1.0+local", "latest", "v1.0", "1..2", "1.0,<2", "$(id)",
        "1.0\n")) {
      assertThatThrownBy(() -> new PythonPackage("p", version)).as(version).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("plain version");
    }
    assertThatThrownBy(() -> new PythonPackage(" ", "1")).hasMessageContaining("package");
    assertThatThrownBy(() -> Jsons.deserialize("{\"type\":\"python_package\",\"package\":\"x y\",\"version\":\"1\"}",
        ConnectorRuntime.class)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("x y");
  }

  @Test
  void aManifestIsWrittenWithItsTypeTravelsThroughTemporalAndGivesItsSpecAndInjectedConfig() throws Exception {
    var manifest = Jsons.deserialize("{\"version\":\"6.61.6\",\"type\":\"DeclarativeSource\",\"spec\":{\"type\":\"Spec\","
        + "\"documentation_url\":\"https://example.com/docs\",\"connection_specification\":{\"type\":\"object\","
        + "\"required\":[\"api_key\"],\"properties\":{\"api_key\":{\"type\":\"string\",\"airbyte_secret\":true}}}}}");
    ConnectorRuntime.DeclarativeManifest runtime = new ConnectorRuntime.DeclarativeManifest(manifest, "6.61.6");

    String json = Jsons.serialize(runtime);
    assertThat(json).startsWith("{\"type\":\"declarative_manifest\",\"manifest\":{").contains("\"cdkVersion\":\"6.61.6\"");
    assertThat(Jsons.deserialize(json, ConnectorRuntime.class)).isEqualTo(runtime);
    DefaultDataConverter converter = DefaultDataConverter.newDefaultInstance();
    Carrier input = new Carrier("check", runtime);
    assertThat(converter.fromPayload(converter.toPayload(input).orElseThrow(), Carrier.class, Carrier.class)).isEqualTo(input);

    assertThat(runtime.spec().get("connectionSpecification")).isEqualTo(manifest.get("spec").get("connection_specification"));
    assertThat(runtime.spec().get("documentationUrl").asText()).isEqualTo("https://example.com/docs");
    var config = Jsons.object().put("api_key", "k");
    var injected = runtime.injectInto(config);
    assertThat(injected.get("api_key").asText()).isEqualTo("k");
    assertThat(injected.get(ConnectorRuntime.DeclarativeManifest.INJECTED_MANIFEST)).isEqualTo(manifest);
    assertThat(config.has(ConnectorRuntime.DeclarativeManifest.INJECTED_MANIFEST)).isFalse();
    assertThat(runtime.cdk().requirement()).isEqualTo("airbyte-cdk==6.61.6");
    assertThat(definition("0.1.0", runtime).image()).isEqualTo(new DockerImage("airbyte/source-declarative-manifest", "6.61.6"));
    assertThat(runtime.describe()).isEqualTo("declarative manifest on airbyte-cdk==6.61.6");

    assertThatThrownBy(() -> new ConnectorRuntime.DeclarativeManifest(Jsons.deserialize("[]"), "6.61.6"))
        .hasMessageContaining("manifest");
    assertThatThrownBy(() -> new ConnectorRuntime.DeclarativeManifest(manifest, ">=6")).hasMessageContaining("plain version");
  }
}
