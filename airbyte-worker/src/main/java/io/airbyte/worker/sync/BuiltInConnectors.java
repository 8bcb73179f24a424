package io.airbyte.worker.sync;

import io.airbyte.contract.connector.ActorType;
import io.airbyte.contract.connector.ConnectorDefinition;
import io.airbyte.contract.connector.ConnectorRuntime.BuiltInJar;
import io.airbyte.db.definition.DefinitionRepository;
import io.airbyte.protocol.json.Jsons;
import io.airbyte.worker.connector.ConnectorActivities;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connectors that come with the platform, registered at start under Airbyte's definition ids
 * (idempotent), each with the spec its jar (or our image of it) gives.
 */
public final class BuiltInConnectors {

  private static final Logger LOG = LoggerFactory.getLogger(BuiltInConnectors.class);

  record BuiltIn(UUID id, ActorType type, String name, BuiltInJar jar, String documentationUrl) {}

  static final List<BuiltIn> ALL = List.of(
      new BuiltIn(UUID.fromString("decd338e-5647-4c0b-adf4-da0e75f5a750"), ActorType.SOURCE, "Postgres",
          new BuiltInJar("source-postgres"), "https://docs.airbyte.com/integrations/sources/postgres"),
      new BuiltIn(UUID.fromString("dfd88b22-b603-4c3d-aad7-3701784586b1"), ActorType.SOURCE, "Sample Data (Faker)",
          new BuiltInJar("source-faker"), "https://docs.airbyte.com/integrations/sources/faker"),
      new BuiltIn(UUID.fromString("25c5221d-dce2-4163-ade9-739ef790f503"), ActorType.DESTINATION, "Postgres",
          new BuiltInJar("destination-postgres"), "https://docs.airbyte.com/integrations/destinations/postgres"),
      new BuiltIn(UUID.fromString("94bd199c-2ff0-4aa2-b98e-17f0acb72610"), ActorType.DESTINATION, "DuckDB",
          new BuiltInJar("destination-duckdb"), "https://docs.airbyte.com/integrations/destinations/duckdb"),
      new BuiltIn(UUID.fromString("424892c4-daac-4491-b35d-c6688ba547ba"), ActorType.DESTINATION, "Snowflake",
          new BuiltInJar("destination-snowflake"), "https://docs.airbyte.com/integrations/destinations/snowflake"));

  private BuiltInConnectors() {}

  /**
   * Registers every built-in whose spec can be read, at {@code version} (the tag of their images);
   * returns how many were registered.
   */
  public static int register(DefinitionRepository definitions, ConnectorActivities connectors, String version) {
    int registered = 0;
    for (BuiltIn b : ALL) {
      var spec = connectors.spec(b.jar());
      if (!spec.succeeded()) {
        LOG.warn("Built-in connector {} {} is not available: {}", b.jar().name(), version, spec.failure().externalMessage());
        continue;
      }
      String protocol = spec.output().getAdditionalProperties().containsKey("protocol_version")
          ? spec.output().getAdditionalProperties().get("protocol_version").asText() : "0.2.0";
      definitions.registerBuiltIn(new ConnectorDefinition(b.id(), b.type(), b.name(), version, b.documentationUrl(),
          Jsons.toTree(spec.output()), protocol, true, null, null, b.jar()));
      registered++;
    }
    return registered;
  }
}
