package io.airbyte.connectors.destination.postgres;

import com.fasterxml.jackson.databind.JsonNode;
import io.airbyte.connector.kit.postgres.PostgresSslProperties;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/** The config of destination-postgres, with Airbyte's property names. */
record PostgresDestinationConfig(
    String host,
    int port,
    String database,
    String schema,
    String username,
    String password,
    JsonNode sslMode,
    boolean ssl,
    String jdbcUrlParams,
    boolean dropCascade) {

  static PostgresDestinationConfig from(JsonNode config) {
    return new PostgresDestinationConfig(
        config.get("host").asText(),
        config.path("port").asInt(5432),
        config.get("database").asText(),
        config.path("schema").asText("public"),
        config.get("username").asText(),
        config.path("password").isMissingNode() || config.path("password").isNull() ? null : config.get("password").asText(),
        config.get("ssl_mode"),
        config.path("ssl").asBoolean(false),
        config.path("jdbc_url_params").asText(""),
        config.path("drop_cascade").asBoolean(false));
  }

  String jdbcUrl() {
    String url = "jdbc:postgresql://" + host + ":" + port + "/" + database;
    return jdbcUrlParams.isBlank() ? url : url + "?" + jdbcUrlParams;
  }

  /** A connection in UTC, autocommit off. */
  Connection connect() throws SQLException {
    Properties props = new Properties();
    props.setProperty("user", username);
    if (password != null) {
      props.setProperty("password", password);
    }
    props.setProperty("connectTimeout", "30");
    props.setProperty("ApplicationName", "airbyte-destination-postgres");
    props.setProperty("options", "-c TimeZone=UTC");
    PostgresSslProperties.apply(sslMode, ssl ? "require" : "disable", props);
    Connection connection = DriverManager.getConnection(jdbcUrl(), props);
    connection.setAutoCommit(false);
    try (Statement s = connection.createStatement()) {
      s.execute("SET TIME ZONE 'UTC'");
    }
    connection.commit();
    return connection;
  }
}
