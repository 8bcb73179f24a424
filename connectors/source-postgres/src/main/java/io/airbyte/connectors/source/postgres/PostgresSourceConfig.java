package io.airbyte.connectors.source.postgres;

import com.fasterxml.jackson.databind.JsonNode;
import io.airbyte.connector.kit.ConfigErrorException;
import io.airbyte.connector.kit.postgres.PostgresSslProperties;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * The config of source-postgres, with Airbyte's property names. Connections read in text mode
 * with fixed session settings (ISO dates, UTC, exact floats), so every value has one text form and
 * cursor values round-trip through the state exactly.
 */
record PostgresSourceConfig(
    String host,
    int port,
    String database,
    List<String> schemas,
    String username,
    String password,
    JsonNode sslMode,
    String jdbcUrlParams) {

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
    return new PostgresSourceConfig(
        config.get("host").asText(),
        config.path("port").asInt(5432),
        config.get("database").asText(),
        List.copyOf(schemas),
        config.get("username").asText(),
        config.hasNonNull("password") ? config.get("password").asText() : null,
        config.get("ssl_mode"),
        config.path("jdbc_url_params").asText(""));
  }

  String jdbcUrl() {
    String url = "jdbc:postgresql://" + host + ":" + port + "/" + database;
    return jdbcUrlParams.isBlank() ? url : url + "?" + jdbcUrlParams;
  }

  Connection connect() throws SQLException {
    Properties props = new Properties();
    props.setProperty("user", username);
    if (password != null) {
      props.setProperty("password", password);
    }
    props.setProperty("connectTimeout", "30");
    props.setProperty("ApplicationName", "airbyte-source-postgres");
    props.setProperty("binaryTransfer", "false");
    props.setProperty("options", "-c DateStyle=ISO,YMD -c TimeZone=UTC -c extra_float_digits=3 -c IntervalStyle=postgres -c standard_conforming_strings=on");
    PostgresSslProperties.apply(sslMode, "prefer", props);
    return DriverManager.getConnection(jdbcUrl(), props);
  }
}
