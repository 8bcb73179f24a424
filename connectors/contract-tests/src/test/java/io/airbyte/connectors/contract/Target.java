package io.airbyte.connectors.contract;

import com.fasterxml.jackson.databind.JsonNode;
import io.airbyte.protocol.json.Jsons;
import io.airbyte.testsupport.postgres.PostgresTestDatabase;
import io.airbyte.testsupport.snowflake.FakesnowServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Properties;
import java.util.UUID;
import java.nio.file.Path;
import java.util.List;

/** A destination under contract test, with the database its rows are read back from. */
interface Target {

  ConnectorJar connector();

  JsonNode config();

  /** The rows of a table (schema = the stream's namespace), normalized for comparison. */
  List<String> rows(String schema, String table, List<String> columns) throws Exception;

  /** Every table of a schema (as the engine names it) with its rows, each row column → value as text; empty when there is no such schema. */
  java.util.Map<String, List<java.util.Map<String, String>>> tablesIn(String schema) throws Exception;

  static Target postgres(PostgresTestDatabase db) {
    return new Target() {
      @Override
      public ConnectorJar connector() {
        return ConnectorJar.DESTINATION_POSTGRES;
      }

      @Override
      public JsonNode config() {
        return Jsons.object().put("host", db.host()).put("port", db.port()).put("database", db.databaseName())
            .put("schema", "public").put("username", db.username()).put("password", db.password());
      }

      @Override
      public List<String> rows(String schema, String table, List<String> columns) throws Exception {
        return Tables.postgres(db.jdbcUrl(), db.username(), db.password(), "\"" + schema + "\".\"" + table + "\"", columns);
      }

      @Override
      public java.util.Map<String, List<java.util.Map<String, String>>> tablesIn(String schema) throws Exception {
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password())) {
          return Tables.all(c, schema);
        }
      }

      @Override
      public String toString() {
        return "destination-postgres";
      }
    };
  }

  static Target duckdb(Path file) {
    return new Target() {
      @Override
      public ConnectorJar connector() {
        return ConnectorJar.DESTINATION_DUCKDB;
      }

      @Override
      public JsonNode config() {
        return Jsons.object().put("destination_path", file.toString());
      }

      @Override
      public List<String> rows(String schema, String table, List<String> columns) throws Exception {
        return Tables.duckdb(file.toString(), "\"" + schema + "\".\"" + table + "\"", columns);
      }

      @Override
      public java.util.Map<String, List<java.util.Map<String, String>>> tablesIn(String schema) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + file)) {
          return Tables.all(c, schema);
        }
      }

      @Override
      public String toString() {
        return "destination-duckdb";
      }
    };
  }

  /** destination-snowflake into a new database of the JVM's Snowflake emulator. */
  static Target snowflake() throws Exception {
    FakesnowServer server = FakesnowServer.get();
    String database = "CONTRACT_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toUpperCase();
    String url = "jdbc:snowflake://" + server.hostAndPort() + "/";
    Properties props = new Properties();
    props.setProperty("user", "AIRBYTE_USER");
    props.setProperty("password", "secret");
    props.setProperty("db", database);
    props.setProperty("ssl", "off");
    props.setProperty("disablePlatformDetection", "true");
    try (Connection c = DriverManager.getConnection(url, props); Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE IF NOT EXISTS " + database);
      s.execute("CREATE SCHEMA IF NOT EXISTS " + database + ".PUBLIC");
    }
    return new Target() {
      @Override
      public ConnectorJar connector() {
        return ConnectorJar.DESTINATION_SNOWFLAKE;
      }

      @Override
      public JsonNode config() {
        return snowflakeConfig(server, database);
      }

      @Override
      public List<String> rows(String schema, String table, List<String> columns) throws Exception {
        return Tables.snowflake(url, props, "\"" + database + "\".\"" + schema.toUpperCase() + "\".\"" + table.toUpperCase() + "\"",
            columns);
      }

      @Override
      public java.util.Map<String, List<java.util.Map<String, String>>> tablesIn(String schema) throws Exception {
        try (Connection c = DriverManager.getConnection(url, props); Statement s = c.createStatement()) {
          s.execute("USE DATABASE " + database);
          return Tables.all(c, schema.toUpperCase(java.util.Locale.ROOT));
        }
      }

      @Override
      public String toString() {
        return "destination-snowflake";
      }
    };
  }

  /** Airbyte's destination-snowflake config for the emulator (any user and password log in; TLS off). */
  static com.fasterxml.jackson.databind.node.ObjectNode snowflakeConfig(FakesnowServer server, String database) {
    var config = Jsons.object().put("host", server.hostAndPort()).put("role", "AIRBYTE_ROLE")
        .put("warehouse", "AIRBYTE_WAREHOUSE").put("database", database).put("schema", "PUBLIC")
        .put("username", "AIRBYTE_USER").put("jdbc_url_params", "ssl=off&loginTimeout=10");
    config.putObject("credentials").put("auth_type", "Username and Password").put("password", "secret");
    return config;
  }
}
