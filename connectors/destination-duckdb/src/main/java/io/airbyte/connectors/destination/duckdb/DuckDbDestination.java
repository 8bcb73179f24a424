package io.airbyte.connectors.destination.duckdb;

import com.fasterxml.jackson.databind.JsonNode;
import io.airbyte.protocol.json.Jsons;
import io.airbyte.connector.kit.ConnectorRunner;
import io.airbyte.connector.kit.Destination;
import io.airbyte.connector.kit.Emitter;
import io.airbyte.connector.kit.MessageInput;
import io.airbyte.connector.kit.destination.StreamLoader;
import io.airbyte.connector.kit.destination.StreamTarget;
import io.airbyte.connector.kit.destination.WriteSession;
import io.airbyte.protocol.models.ConfiguredAirbyteCatalog;
import io.airbyte.protocol.models.ConfiguredAirbyteStream;
import io.airbyte.protocol.models.ConnectorSpecification;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Writes Airbyte streams into typed tables of a DuckDB file (Airbyte's destination-duckdb). */
public final class DuckDbDestination implements Destination {

  public static void main(String[] args) {
    ConnectorRunner.main(new DuckDbDestination(), args);
  }

  @Override
  public ConnectorSpecification spec() {
    try (InputStream in = DuckDbDestination.class.getResourceAsStream("/spec.json")) {
      return Jsons.mapper().readValue(in, ConnectorSpecification.class);
    } catch (IOException e) {
      throw new UncheckedIOException("the connector's spec.json cannot be read", e);
    }
  }

  @Override
  public void check(JsonNode json) throws Exception {
    DuckDbDestinationConfig config = DuckDbDestinationConfig.from(json);
    try (Connection connection = config.connect()) {
      DuckDbTables tables = new DuckDbTables(connection);
      String table = "_airbyte_connection_test_" + UUID.randomUUID().toString().replace("-", "");
      tables.ensureSchema(config.schema());
      tables.execute("CREATE TABLE " + DuckDbTables.qualified(config.schema(), table) + " (id INTEGER)");
      tables.execute("DROP TABLE " + DuckDbTables.qualified(config.schema(), table));
      connection.commit();
    }
  }

  @Override
  public void write(JsonNode json, ConfiguredAirbyteCatalog catalog, MessageInput input, Emitter output) throws Exception {
    DuckDbDestinationConfig config = DuckDbDestinationConfig.from(json);
    Path staging = Files.createTempDirectory("airbyte-duckdb-");
    List<DuckDbStreamLoader> loaders = new ArrayList<>();
    try (Connection connection = config.connect()) {
      try {
        for (ConfiguredAirbyteStream stream : catalog.getStreams()) {
          DuckDbStreamLoader loader = new DuckDbStreamLoader(StreamTarget.of(stream, config.schema()), connection, staging);
          loader.prepare(loaders.size());
          loaders.add(loader);
        }
        connection.commit();
        new WriteSession(new DuckDbTransaction(connection, loaders), List.<StreamLoader>copyOf(loaders), output).run(input);
      } catch (Exception e) {
        connection.rollback();
        throw e;
      }
    } finally {
      for (DuckDbStreamLoader loader : loaders) {
        loader.close();
      }
      Files.deleteIfExists(staging);
    }
  }
}
