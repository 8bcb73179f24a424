package io.airbyte.connectors.contract;

import java.nio.file.Files;
import java.nio.file.Path;

/** The executable jar of a connector module, built before this module runs. */
enum ConnectorJar {
  SOURCE_POSTGRES("source-postgres"),
  SOURCE_FAKER("source-faker"),
  DESTINATION_POSTGRES("destination-postgres"),
  DESTINATION_DUCKDB("destination-duckdb"),
  DESTINATION_SNOWFLAKE("destination-snowflake");

  final String module;

  ConnectorJar(String module) {
    this.module = module;
  }

  Path jar() {
    Path dir = Path.of(System.getProperty("connectors.dir", "connectors"));
    Path jar = dir.resolve(module).resolve("target").resolve(module + ".jar").toAbsolutePath().normalize();
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(jar + " does not exist: build the connectors first (./mvnw -B verify builds them before this module)");
    }
    return jar;
  }

  /** Whether the connector's spec (its jar's {@code spec.json}) declares the typed-rows record format. */
  boolean declaresTypedRows() {
    try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(jar().toFile())) {
      java.util.zip.ZipEntry entry = zip.getEntry("spec.json");
      if (entry == null) {
        return false;
      }
      try (java.io.InputStream in = zip.getInputStream(entry)) {
        return io.airbyte.protocol.rows.TypedRows.declaredBy(io.airbyte.protocol.json.Jsons.mapper().readTree(in));
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Override
  public String toString() {
    return module;
  }
}
