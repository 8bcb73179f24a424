package io.airbyte.connectors.destination.snowflake;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.airbyte.connector.kit.testing.JdbcRows;
import io.airbyte.protocol.json.Jsons;
import io.airbyte.testsupport.snowflake.FakesnowServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

/** A database of its own in the JVM's fakesnow, a config of Airbyte's shape for it, and queries as a user would run them. */
final class Fakesnow {

  final FakesnowServer server = FakesnowServer.get();
  final String database = "TEST_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toUpperCase();

  Fakesnow() throws SQLException {
    try (Connection c = connect(); Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE IF NOT EXISTS " + database);
      s.execute("CREATE SCHEMA IF NOT EXISTS " + database + ".AIRBYTE_SCHEMA");
    }
  }

  /** Airbyte's destination-snowflake config, for the emulator: its host and port, TLS off. */
  ObjectNode config() {
    ObjectNode config = Jsons.object().put("host", server.hostAndPort()).put("role", "AIRBYTE_ROLE")
        .put("warehouse", "AIRBYTE_WAREHOUSE").put("database", database).put("schema", "AIRBYTE_SCHEMA")
        .put("username", "AIRBYTE_USER").put("jdbc_url_params", "ssl=off&loginTimeout=10")
        .put("raw_data_schema", "airbyte_internal").put("disable_type_dedupe", false).put("retention_period_days", 1);
    config.putObject("credentials").put("auth_type", "Username and Password").put("password", "secret");
    return config;
  }

  Connection connect() throws SQLException {
    Properties p = new Properties();
    p.setProperty("user", "AIRBYTE_USER");
    p.setProperty("password", "secret");
    p.setProperty("db", database);
    p.setProperty("ssl", "off");
    p.setProperty("disablePlatformDetection", "true");
    return DriverManager.getConnection("jdbc:snowflake://" + server.hostAndPort() + "/", p);
  }

  List<Map<String, Object>> query(String sql) throws SQLException {
    try (Connection c = connect(); Statement s = c.createStatement()) {
      s.execute("USE DATABASE " + database);
      return JdbcRows.query(c, sql);
    }
  }

  long number(String sql) throws SQLException {
    try (Connection c = connect(); Statement s = c.createStatement()) {
      s.execute("USE DATABASE " + database);
      return JdbcRows.number(c, sql);
    }
  }

  List<String> strings(String sql) throws SQLException {
    return query(sql).stream().map(r -> String.valueOf(r.values().iterator().next())).toList();
  }
}
