package io.airbyte.connectors.destination.postgres;

import com.fasterxml.jackson.databind.JsonNode;
import io.airbyte.protocol.json.Jsons;
import io.airbyte.connector.kit.ConfigErrorException;
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
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Writes Airbyte streams into typed PostgreSQL tables (Airbyte's destination-postgres, direct load). */
public final class PostgresDestination implements Destination {

  public static void main(String[] args) {
    ConnectorRunner.main(new PostgresDestination(), args);
  }

  @Override
  public ConnectorSpecification spec() {
    try (InputStream in = PostgresDestination.class.getResourceAsStream("/spec.json")) {
      return Jsons.mapper().readValue(in, ConnectorSpecification.class);
    } catch (IOException e) {
      throw new UncheckedIOException("the connector's spec.json cannot be read", e);
    }
  }

  @Override
  public void check(JsonNode json) throws Exception {
    PostgresDestinationConfig config = PostgresDestinationConfig.from(json);
    try (Connection connection = config.connect()) {
      TableOperations tables = new TableOperations(connection);
      String table = "_airbyte_connection_test_" + UUID.randomUUID().toString().replace("-", "");
      try {
        tables.ensureSchema(config.schema());
        tables.execute("CREATE TABLE " + Identifiers.qualified(config.schema(), table) + " (id int)");
        tables.execute("DROP TABLE " + Identifiers.qualified(config.schema(), table));
      } catch (SQLException e) {
        if ("42501".equals(e.getSQLState())) {
          throw new ConfigErrorException("User '" + config.username() + "' may not create tables in schema '"
              + config.schema() + "': " + e.getMessage(), e);
        }
        throw e;
      } finally {
        connection.rollback();
      }
    }
  }

  @Override
  public void write(JsonNode json, ConfiguredAirbyteCatalog catalog, MessageInput input, Emitter output) throws Exception {
    PostgresDestinationConfig config = PostgresDestinationConfig.from(json);
    try (Connection connection = config.connect()) {
      try {
        CopyStream copy = new CopyStream(connection);
        TableOperations tables = new TableOperations(connection, config.dropCascade());
        List<StreamLoader> loaders = new ArrayList<>();
        for (ConfiguredAirbyteStream stream : catalog.getStreams()) {
          PostgresStreamLoader loader = new PostgresStreamLoader(StreamTarget.of(stream, config.schema()), tables, copy);
          loader.prepare(loaders.size());
          loaders.add(loader);
        }
        connection.commit();
        new WriteSession(new PostgresTransaction(connection, copy), loaders, output).run(input);
      } catch (Exception e) {
        connection.rollback();
        throw e;
      }
    }
  }
}
