package io.airbyte.connectors.destination.postgres;

import static io.airbyte.connectors.destination.postgres.Identifiers.qualified;
import static io.airbyte.connectors.destination.postgres.Identifiers.quote;

import io.airbyte.connector.kit.ConfigErrorException;
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

/** DDL of the destination: schemas, typed tables with the Airbyte columns, evolution, swap. */
final class TableOperations implements TruncateRefresh.Tables {

  static final List<String> AIRBYTE_COLUMNS =
      List.of("_airbyte_raw_id", "_airbyte_extracted_at", "_airbyte_meta", "_airbyte_generation_id");
  private static final Logger LOG = Logger.getLogger(TableOperations.class.getName());

  private final Connection connection;
  private final boolean dropCascade;

  TableOperations(Connection connection) {
    this(connection, false);
  }

  /** @param dropCascade whether replacing a table drops the views that depend on it */
  TableOperations(Connection connection, boolean dropCascade) {
    this.connection = connection;
    this.dropCascade = dropCascade;
  }

  void ensureSchema(String schema) throws SQLException {
    if (!schemaExists(schema)) {
      execute("CREATE SCHEMA IF NOT EXISTS " + quote(schema));
    }
  }

  /** Column name → udt name of a table, in column order; empty when the table does not exist. */
  Map<String, String> columns(String schema, String table) throws SQLException {
    Map<String, String> columns = new LinkedHashMap<>();
    try (PreparedStatement ps = connection.prepareStatement(
        "SELECT a.attname, t.typname FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid"
            + " JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_type t ON t.oid = a.atttypid"
            + " WHERE n.nspname = ? AND c.relname = ? AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum")) {
      ps.setString(1, Identifiers.fit(schema));
      ps.setString(2, Identifiers.fit(table));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          columns.put(rs.getString(1), rs.getString(2));
        }
      }
    }
    return columns;
  }

  /**
   * Makes the table hold every column of the stream, creating it or adding and widening columns,
   * and returns the stream's columns with the type values must be encoded as.
   */
  List<Map.Entry<String, AirbyteType>> ensureTable(String schema, String table, Map<String, AirbyteType> wanted)
      throws SQLException {
    Map<String, String> existing = columns(schema, table);
    if (existing.isEmpty()) {
      List<String> definitions = new ArrayList<>(List.of(
          quote("_airbyte_raw_id") + " uuid NOT NULL",
          quote("_airbyte_extracted_at") + " timestamptz NOT NULL",
          quote("_airbyte_meta") + " jsonb NOT NULL",
          quote("_airbyte_generation_id") + " bigint"));
      for (Map.Entry<String, AirbyteType> column : wanted.entrySet()) {
        definitions.add(quote(column.getKey()) + " " + PostgresTypes.sqlType(column.getValue()));
      }
      execute("CREATE TABLE " + qualified(schema, table) + " (" + String.join(", ", definitions) + ")");
      existing = columns(schema, table);
    } else {
      evolve(schema, table, existing, wanted);
      existing = columns(schema, table);
    }
    List<Map.Entry<String, AirbyteType>> encodings = new ArrayList<>();
    for (Map.Entry<String, AirbyteType> column : wanted.entrySet()) {
      String udt = existing.get(Identifiers.fit(column.getKey()));
      // the stream's own type when the column has it (object vs. array matter), else what the column holds
      AirbyteType encoding = PostgresTypes.udtName(column.getValue()).equals(udt)
          ? column.getValue() : PostgresTypes.encodingOf(udt);
      encodings.add(Map.entry(column.getKey(), encoding));
    }
    return encodings;
  }

  private void evolve(String schema, String table, Map<String, String> existing, Map<String, AirbyteType> wanted)
      throws SQLException {
    for (Map.Entry<String, AirbyteType> column : wanted.entrySet()) {
      String name = Identifiers.fit(column.getKey());
      String udt = existing.get(name);
      if (udt == null) {
        LOG.info("adding column " + name + " to " + schema + "." + table);
        execute("ALTER TABLE " + qualified(schema, table) + " ADD COLUMN " + quote(name) + " "
            + PostgresTypes.sqlType(column.getValue()));
        continue;
      }
      String widened = PostgresTypes.widenedType(udt, column.getValue());
      if (widened == null && PostgresTypes.encodingOf(udt) == null) {
        widened = "text"; // a type this destination does not write: text holds every value
      }
      if (widened != null) {
        LOG.info("widening column " + name + " of " + schema + "." + table + " from " + udt + " to " + widened);
        execute("ALTER TABLE " + qualified(schema, table) + " ALTER COLUMN " + quote(name) + " TYPE " + widened
            + " USING " + PostgresTypes.conversion(quote(name), widened));
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
    execute("TRUNCATE TABLE " + qualified(schema, table));
  }

  @Override
  public void drop(String schema, String table) throws SQLException {
    execute("DROP TABLE IF EXISTS " + qualified(schema, table));
  }

  void createIndex(String schema, String table, List<String> columns) throws SQLException {
    List<String> quoted = columns.stream().map(Identifiers::quote).toList();
    execute("CREATE INDEX IF NOT EXISTS " + quote(indexName(table)) + " ON " + qualified(schema, table)
        + " (" + String.join(", ", quoted) + ")");
  }

  /** Replaces {@code table} by {@code replacement} in one transaction: readers see the old or the new table. */
  @Override
  public void replace(String schema, String table, String replacement) throws SQLException {
    try {
      execute("DROP TABLE IF EXISTS " + qualified(schema, table) + (dropCascade ? " CASCADE" : ""));
    } catch (SQLException e) {
      if ("2BP01".equals(e.getSQLState())) {
        throw new ConfigErrorException("Cannot replace table " + schema + "." + table + " because other objects (views)"
            + " depend on it: drop them or enable 'drop_cascade'. " + e.getMessage(), e);
      }
      throw e;
    }
    execute("ALTER TABLE " + qualified(schema, replacement) + " RENAME TO " + quote(table));
    execute("ALTER INDEX IF EXISTS " + qualified(schema, indexName(replacement)) + " RENAME TO " + quote(indexName(table)));
  }

  void deleteGenerationsBelow(String schema, String table, long minimumGenerationId) throws SQLException {
    try (PreparedStatement ps = connection.prepareStatement("DELETE FROM " + qualified(schema, table)
        + " WHERE _airbyte_generation_id IS NULL OR _airbyte_generation_id < ?")) {
      ps.setLong(1, minimumGenerationId);
      int deleted = ps.executeUpdate();
      LOG.info("removed " + deleted + " rows of generations below " + minimumGenerationId + " from " + schema + "." + table);
    }
  }

  void execute(String sql) throws SQLException {
    try (Statement s = connection.createStatement()) {
      s.execute(sql);
    }
  }

  static String indexName(String table) {
    return Identifiers.withSuffix(table, "_airbyte_pk");
  }

  private boolean schemaExists(String schema) throws SQLException {
    try (PreparedStatement ps = connection.prepareStatement("SELECT 1 FROM pg_namespace WHERE nspname = ?")) {
      ps.setString(1, Identifiers.fit(schema));
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }
}
