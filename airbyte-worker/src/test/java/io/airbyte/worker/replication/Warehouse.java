package io.airbyte.worker.replication;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.airbyte.contract.connector.ConnectorRuntime.BuiltInJar;
import io.airbyte.protocol.json.Jsons;
import io.airbyte.testsupport.postgres.PostgresTestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * One of our built-in destinations as a test reads it: the connector, its config (tables in the
 * schema {@code schema}) and the SQL to look at what it wrote. Each query opens a connection of its
 * own (a DuckDB file is locked by whoever has it open, and the next sync's destination needs it).
 */
abstract class Warehouse {

  final String name;
  final String schema;

  private Warehouse(String name, String schema) {
    this.name = name;
    this.schema = schema;
  }

  static Warehouse postgres(PostgresTestDatabase db, String schema) {
    return new Warehouse("destination-postgres", schema) {
      @Override
      ObjectNode config() {
        ObjectNode config = Jsons.object().put("host", "localhost").put("port", db.port()).put("database", db.databaseName())
            .put("schema", schema).put("username", db.username()).put("password", db.password());
        config.putObject("ssl_mode").put("mode", "disable");
        return config;
      }

      @Override
      Connection connect() throws SQLException {
        return db.connection();
      }
    };
  }

  static Warehouse duckdb(Path file, String schema) {
    return new Warehouse("destination-duckdb", schema) {
      @Override
      ObjectNode config() {
        return Jsons.object().put("destination_path", file.toString()).put("schema", schema);
      }

      @Override
      Connection connect() throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("duckdb.read_only", "true");
        return DriverManager.getConnection("jdbc:duckdb:" + file, properties);
      }
    };
  }

  abstract ObjectNode config();

  abstract Connection connect() throws SQLException;

  BuiltInJar connector() {
    return RealConnectorsReplicationIT.local(name);
  }

  /** The first column of the first row of {@code sql}, as a long. */
  long count(String sql) throws SQLException {
    try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** The first two columns of {@code sql}'s rows: key → value (as text). */
  Map<Long, String> map(String sql) throws SQLException {
    Map<Long, String> rows = new LinkedHashMap<>();
    try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        rows.put(rs.getLong(1), rs.getString(2));
      }
    }
    return rows;
  }

  /** The SQL type of a column as the database's information schema names it, lower case. */
  String columnType(String table, String column) throws SQLException {
    try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
        "SELECT data_type FROM information_schema.columns WHERE table_schema = '" + schema + "' AND table_name = '" + table
            + "' AND column_name = '" + column + "'")) {
      return rs.next() ? rs.getString(1).toLowerCase(java.util.Locale.ROOT) : null;
    }
  }

  @Override
  public String toString() {
    return name;
  }
}
