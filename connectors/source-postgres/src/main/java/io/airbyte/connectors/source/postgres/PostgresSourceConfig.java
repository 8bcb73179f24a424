package io.airbyte.connectors.source.postgres;

import com.fasterxml.jackson.databind.JsonNode;
import io.airbyte.connector.kit.ConfigErrorException;
import io.airbyte.connector.kit.postgres.PostgresConnectionConfig;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * The config of source-postgres, with Airbyte's property names. Connections read in text mode
 * with fixed session settings (ISO dates, UTC, exact floats), so every value has one text form and
 * cursor values round-trip through the state exactly.
 */
record PostgresSourceConfig(PostgresConnectionConfig connection, List<String> schemas) {

  static PostgresSourceConfig from(JsonNode config) {
    List<String> schemas = new ArrayList<>();
    config.path("schemas").forEach(s -> schemas.add(s.asText()));
    if (schemas.isEmpty()) {
      schemas.add("public");
    }
    String method = config.path("replication_method").path("method").asText("Standard");
    if (!"Standard".equals(method)) {
      throw new ConfigErrorException("replication_method.method '" + method + "' is not supported: this connector reads"
          + " with a user-defined cursor ('Standard'); logical replication (CDC) is not available");
    }
    return new PostgresSourceConfig(PostgresConnectionConfig.from(config), List.copyOf(schemas));
  }

  String database() {
    return connection.database();
  }

  String username() {
    return connection.username();
  }

  Connection connect() throws SQLException {
    Properties props = connection.properties("airbyte-source-postgres", "prefer");
    props.setProperty("binaryTransfer", "false");
    props.setProperty("options", "-c DateStyle=ISO,YMD -c TimeZone=UTC -c extra_float_digits=3 -c IntervalStyle=postgres -c standard_conforming_strings=on");
    return connection.open(props);
  }
}
