package io.airbyte.connectors.destination.postgres;

import com.fasterxml.jackson.databind.JsonNode;
import io.airbyte.connector.kit.postgres.PostgresConnectionConfig;
import io.airbyte.connector.kit.sql.SqlDestinationConfig;
import io.airbyte.connector.kit.sql.SqlDialect;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/** The config of destination-postgres, with Airbyte's property names. */
record PostgresDestinationConfig(PostgresConnectionConfig connection, String schema, boolean ssl, boolean dropCascade)
    implements SqlDestinationConfig {

  static PostgresDestinationConfig from(JsonNode config) {
    return new PostgresDestinationConfig(
        PostgresConnectionConfig.from(config),
        config.path("schema").asText("public"),
        config.path("ssl").asBoolean(false),
        config.path("drop_cascade").asBoolean(false));
  }

  /** A connection in UTC, autocommit off. */
  @Override
  public Connection connect() throws SQLException {
    Properties props = connection.properties("airbyte-destination-postgres", ssl ? "require" : "disable");
    props.setProperty("options", "-c TimeZone=UTC");
    Connection c = connection.open(props);
    c.setAutoCommit(false);
    try (Statement s = c.createStatement()) {
      s.execute("SET TIME ZONE 'UTC'");
    }
    c.commit();
    return c;
  }

  @Override
  public SqlDialect dialect() {
    return new PostgresDialect(dropCascade);
  }
}
