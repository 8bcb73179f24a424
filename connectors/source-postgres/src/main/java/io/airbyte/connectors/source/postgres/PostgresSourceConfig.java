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
record PostgresSourceConfig(PostgresConnectionConfig connection, List<String> schemas, CdcConfig cdc,
    int maxDbConnections) {

  static PostgresSourceConfig from(JsonNode config) {
    List<String> schemas = new ArrayList<>();
    config.path("schemas").forEach(s -> schemas.add(s.asText()));
    if (schemas.isEmpty()) {
      schemas.add("public");
    }
    JsonNode replication = config.path("replication_method");
    String method = replication.path("method").asText("Standard");
    CdcConfig cdc = switch (method) {
      case "Standard" -> null;
      case "CDC" -> CdcConfig.from(replication);
      default -> throw new ConfigErrorException("replication_method.method '" + method + "' is not supported: 'Standard'"
          + " (a user-defined cursor) or 'CDC' (logical replication)");
    };
    return new PostgresSourceConfig(PostgresConnectionConfig.from(config), List.copyOf(schemas), cdc,
        maxDbConnections(config.path("max_db_connections")));
  }

  /** How many connections read at once (streams, and partitions of a table); 1 when not set. */
  private static int maxDbConnections(JsonNode value) {
    if (value.isMissingNode() || value.isNull()) {
      return 1;
    }
    if (!value.canConvertToInt() || !value.isIntegralNumber() || value.asInt() < 1 || value.asInt() > 64) {
      throw new ConfigErrorException("max_db_connections must be a whole number from 1 to 64, not " + value);
    }
    return value.asInt();
  }

  boolean isCdc() {
    return cdc != null;
  }

  String database() {
    return connection.database();
  }

  String username() {
    return connection.username();
  }

  Connection connect() throws SQLException {
    return connection.open(properties());
  }

  /**
   * A logical replication connection (CDC): the same session settings, so the values the slot
   * sends have the text forms the snapshot reads.
   */
  Connection connectForReplication() throws SQLException {
    Properties props = properties();
    props.setProperty("replication", "database");
    props.setProperty("assumeMinServerVersion", "9.4");
    props.setProperty("preferQueryMode", "simple");
    return connection.open(props);
  }

  private Properties properties() {
    Properties props = connection.properties("airbyte-source-postgres", "prefer");
    props.setProperty("binaryTransfer", "false");
    props.setProperty("options", "-c DateStyle=ISO,YMD -c TimeZone=UTC -c extra_float_digits=3 -c IntervalStyle=postgres -c standard_conforming_strings=on");
    return props;
  }
}
