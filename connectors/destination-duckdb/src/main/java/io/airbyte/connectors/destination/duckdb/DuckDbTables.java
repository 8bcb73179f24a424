package io.airbyte.connectors.destination.duckdb;

import io.airbyte.connector.kit.sql.TruncateRefresh;
import io.airbyte.connector.kit.typing.AirbyteType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/** DDL of the DuckDB destination: schemas, typed tables with the Airbyte columns, evolution, swap. */
final class DuckDbTables implements TruncateRefresh.Tables {

  static final List<String> AIRBYTE_COLUMNS =
      List.of("_airbyte_raw_id", "_airbyte_extracted_at", "_airbyte_meta", "_airbyte_generation_id");
  private static final Logger LOG = Logger.getLogger(DuckDbTables.class.getName());

  private final Connection connection;

  DuckDbTables(Connection connection) {
    this.connection = connection;
  }

  static String quote(String identifier) {
    return '"' + identifier.replace("\"", "\"\"") + '"';
  }

  static String qualified(String schema, String table) {
    return quote(schema) + "." + quote(table);
  }

  void ensureSchema(String schema) throws SQLException {
    execute("CREATE SCHEMA IF NOT EXISTS " + quote(schema));
  }

  /** Column name → data type of a table, in column order; empty when the table does not exist. */
  Map<String, String> columns(String schema, String table) throws SQLException {
    Map<String, String> columns = new LinkedHashMap<>();
    try (PreparedStatement ps = connection.prepareStatement("SELECT column_name, data_type FROM duckdb_columns()"
        + " WHERE schema_name = ? AND table_name = ? AND NOT internal ORDER BY column_index")) {
      ps.setString(1, schema);
      ps.setString(2, table);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          columns.put(rs.getString(1), rs.getString(2));
        }
      }
    }
    return columns;
  }

  /** Creates or evolves the table; returns the stream's columns with the type values are written as. */
  List<Map.Entry<String, AirbyteType>> ensureTable(String schema, String table, Map<String, AirbyteType> wanted)
      throws SQLException {
    Map<String, String> existing = columns(schema, table);
    if (existing.isEmpty()) {
      List<String> definitions = new ArrayList<>(List.of(
          quote("_airbyte_raw_id") + " UUID NOT NULL",
          quote("_airbyte_extracted_at") + " TIMESTAMP WITH TIME ZONE NOT NULL",
          quote("_airbyte_meta") + " JSON NOT NULL",
          quote("_airbyte_generation_id") + " BIGINT"));
      wanted.forEach((name, type) -> definitions.add(quote(name) + " " + DuckDbTypes.sqlType(type)));
      execute("CREATE TABLE " + qualified(schema, table) + " (" + String.join(", ", definitions) + ")");
    } else {
      evolve(schema, table, existing, wanted);
    }
    existing = columns(schema, table);
    List<Map.Entry<String, AirbyteType>> encodings = new ArrayList<>();
    for (Map.Entry<String, AirbyteType> column : wanted.entrySet()) {
      String dataType = existing.get(column.getKey());
      AirbyteType encoding = DuckDbTypes.sqlType(column.getValue()).equals(dataType)
          ? column.getValue() : DuckDbTypes.encodingOf(dataType);
      encodings.add(Map.entry(column.getKey(), encoding));
    }
    return encodings;
  }

  private void evolve(String schema, String table, Map<String, String> existing, Map<String, AirbyteType> wanted)
      throws SQLException {
    for (Map.Entry<String, AirbyteType> column : wanted.entrySet()) {
      String name = column.getKey();
      String dataType = existing.get(name);
      if (dataType == null) {
        LOG.info("adding column " + name + " to " + schema + "." + table);
        execute("ALTER TABLE " + qualified(schema, table) + " ADD COLUMN " + quote(name) + " "
            + DuckDbTypes.sqlType(column.getValue()));
        continue;
      }
      String widened = DuckDbTypes.widenedType(dataType, column.getValue());
      if (widened == null && DuckDbTypes.encodingOf(dataType) == null) {
        widened = "VARCHAR";
      }
      if (widened != null) {
        LOG.info("widening column " + name + " of " + schema + "." + table + " from " + dataType + " to " + widened);
        String using = widened.equals("JSON") ? "to_json(" + quote(name) + ")" : "CAST(" + quote(name) + " AS " + widened + ")";
        execute("ALTER TABLE " + qualified(schema, table) + " ALTER COLUMN " + quote(name) + " TYPE " + widened
            + " USING " + using);
      }
    }
  }

  @Override
  public boolean exists(String schema, String table) throws SQLException {
    return !columns(schema, table).isEmpty();
  }

  @Override
  public boolean holdsRowsOf(String schema, String table, Long syncId, long generationId) throws SQLException {
    return anyRow(schema, table, TruncateRefresh.ROW_OF_SYNC_AND_GENERATION, syncId, generationId);
  }

  @Override
  public boolean holdsRowsNotOf(String schema, String table, Long syncId, long generationId) throws SQLException {
    return anyRow(schema, table, "NOT (" + TruncateRefresh.ROW_OF_SYNC_AND_GENERATION + ")", syncId, generationId);
  }

  @Override
  public boolean isEmpty(String schema, String table) throws SQLException {
    try (PreparedStatement ps = connection.prepareStatement("SELECT 1 FROM " + qualified(schema, table) + " LIMIT 1");
        ResultSet rs = ps.executeQuery()) {
      return !rs.next();
    }
  }

  private boolean anyRow(String schema, String table, String condition, Long syncId, long generationId)
      throws SQLException {
    try (PreparedStatement ps = connection.prepareStatement("SELECT 1 FROM " + qualified(schema, table) + " WHERE "
        + condition + " LIMIT 1")) {
      ps.setString(1, TruncateRefresh.syncIdText(syncId));
      ps.setLong(2, generationId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  @Override
  public void truncate(String schema, String table) throws SQLException {
    execute("DELETE FROM " + qualified(schema, table));
  }

  @Override
  public void drop(String schema, String table) throws SQLException {
    execute("DROP TABLE IF EXISTS " + qualified(schema, table));
  }

  /** Replaces {@code table} by {@code replacement} in one transaction. */
  @Override
  public void replace(String schema, String table, String replacement) throws SQLException {
    execute("DROP TABLE IF EXISTS " + qualified(schema, table));
    execute("ALTER TABLE " + qualified(schema, replacement) + " RENAME TO " + quote(table));
  }

  void deleteGenerationsBelow(String schema, String table, long minimumGenerationId) throws SQLException {
    try (PreparedStatement ps = connection.prepareStatement("DELETE FROM " + qualified(schema, table)
        + " WHERE _airbyte_generation_id IS NULL OR _airbyte_generation_id < ?")) {
      ps.setLong(1, minimumGenerationId);
      LOG.info("removed " + ps.executeUpdate() + " rows of generations below " + minimumGenerationId + " from "
          + schema + "." + table);
    }
  }

  void execute(String sql) throws SQLException {
    try (Statement s = connection.createStatement()) {
      s.execute(sql);
    }
  }
}
