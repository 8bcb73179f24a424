package io.airbyte.connector.kit.sql;

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

/**
 * The tables of a SQL destination, whatever the engine (its {@link SqlDialect}): schemas, typed tables
 * with the Airbyte columns, their evolution (columns added and widened, never narrowed), and what a
 * truncate refresh asks of them, on the write's one connection.
 */
public final class SqlTables implements TruncateRefresh.Tables {

  public static final List<String> AIRBYTE_COLUMNS =
      List.of("_airbyte_raw_id", "_airbyte_extracted_at", "_airbyte_meta", "_airbyte_generation_id");
  private static final Logger LOG = Logger.getLogger(SqlTables.class.getName());

  private final Connection connection;
  private final SqlDialect dialect;

  public SqlTables(Connection connection, SqlDialect dialect) {
    this.connection = connection;
    this.dialect = dialect;
  }

  public SqlDialect dialect() {
    return dialect;
  }

  /** Creates the schema unless it exists (creating needs a privilege that writing into an existing one does not). */
  public void ensureSchema(String schema) throws SQLException {
    boolean exists;
    try (PreparedStatement ps = connection.prepareStatement(dialect.schemaExistsQuery())) {
      ps.setString(1, dialect.fit(schema));
      try (ResultSet rs = ps.executeQuery()) {
        exists = rs.next();
      }
    }
    if (!exists) {
      execute(dialect.createSchema(schema));
    }
  }

  /** Column name → type as the engine reports it, in column order; empty when the table does not exist. */
  public Map<String, String> columns(String schema, String table) throws SQLException {
    Map<String, String> columns = new LinkedHashMap<>();
    try (PreparedStatement ps = connection.prepareStatement(dialect.columnsQuery())) {
      ps.setString(1, dialect.fit(schema));
      ps.setString(2, dialect.fit(table));
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
  public List<Map.Entry<String, AirbyteType>> ensureTable(String schema, String table, Map<String, AirbyteType> wanted)
      throws SQLException {
    SqlTypes types = dialect.types();
    Map<String, String> existing = columns(schema, table);
    if (existing.isEmpty()) {
      List<String> definitions = new ArrayList<>(List.of(
          dialect.quote("_airbyte_raw_id") + " " + types.uuidType() + " NOT NULL",
          dialect.quote("_airbyte_extracted_at") + " " + types.columnType(AirbyteType.TIMESTAMP_WITH_TIMEZONE) + " NOT NULL",
          dialect.quote("_airbyte_meta") + " " + types.columnType(AirbyteType.JSON) + " NOT NULL",
          dialect.quote("_airbyte_generation_id") + " " + types.columnType(AirbyteType.INTEGER)));
      wanted.forEach((name, type) -> definitions.add(dialect.quote(name) + " " + types.columnType(type)));
      String options = dialect.tableOptions();
      String create = "CREATE TABLE " + dialect.qualified(schema, table) + " (" + String.join(", ", definitions) + ")"
          + (options.isEmpty() ? "" : " " + options);
      LOG.info("creating table " + schema + "." + table + ": " + create);
      execute(create);
    } else {
      evolve(schema, table, existing, wanted);
    }
    existing = columns(schema, table);
    List<Map.Entry<String, AirbyteType>> encodings = new ArrayList<>();
    for (Map.Entry<String, AirbyteType> column : wanted.entrySet()) {
      String reported = existing.get(dialect.fit(column.getKey()));
      // the stream's own type when the column has it (object vs. array matter), else what the column holds
      AirbyteType encoding = types.reportedType(column.getValue()).equals(reported)
          ? column.getValue() : types.encodingOf(reported);
      encodings.add(Map.entry(column.getKey(), encoding));
    }
    return encodings;
  }

  private void evolve(String schema, String table, Map<String, String> existing, Map<String, AirbyteType> wanted)
      throws SQLException {
    for (Map.Entry<String, AirbyteType> column : wanted.entrySet()) {
      String name = dialect.fit(column.getKey());
      String reported = existing.get(name);
      if (reported == null) {
        LOG.info("adding column " + name + " to " + schema + "." + table);
        execute("ALTER TABLE " + dialect.qualified(schema, table) + " ADD COLUMN " + dialect.quote(name) + " "
            + dialect.types().columnType(column.getValue()));
        continue;
      }
      String widened = dialect.widenedType(reported, column.getValue());
      if (widened == null && dialect.types().encodingOf(reported) == null) {
        widened = dialect.types().columnType(AirbyteType.STRING); // a type this destination does not write: text holds every value
      }
      if (widened != null) {
        LOG.info("widening column " + name + " of " + schema + "." + table + " from " + reported + " to " + widened);
        execute(dialect.alterColumnType(dialect.qualified(schema, table), dialect.quote(name), widened));
      }
    }
  }

  @Override
  public boolean exists(String schema, String table) throws SQLException {
    return !columns(schema, table).isEmpty();
  }

  @Override
  public boolean holdsRowsOf(String schema, String table, Long syncId, long generationId) throws SQLException {
    return anyRow(schema, table, dialect.rowOfSyncAndGeneration(), syncId, generationId);
  }

  @Override
  public boolean holdsRowsNotOf(String schema, String table, Long syncId, long generationId) throws SQLException {
    return anyRow(schema, table, "NOT (" + dialect.rowOfSyncAndGeneration() + ")", syncId, generationId);
  }

  @Override
  public boolean isEmpty(String schema, String table) throws SQLException {
    try (PreparedStatement ps = connection.prepareStatement("SELECT 1 FROM " + dialect.qualified(schema, table) + " LIMIT 1");
        ResultSet rs = ps.executeQuery()) {
      return !rs.next();
    }
  }

  private boolean anyRow(String schema, String table, String condition, Long syncId, long generationId)
      throws SQLException {
    try (PreparedStatement ps = connection.prepareStatement("SELECT 1 FROM " + dialect.qualified(schema, table) + " WHERE "
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
    execute(dialect.truncate(dialect.qualified(schema, table)));
  }

  @Override
  public void drop(String schema, String table) throws SQLException {
    execute("DROP TABLE IF EXISTS " + dialect.qualified(schema, table));
  }

  /** Replaces {@code table} by {@code replacement} in the current transaction: readers see the old or the new table. */
  @Override
  public void replace(String schema, String table, String replacement) throws Exception {
    try {
      execute(dialect.replace(schema, table, replacement));
    } catch (SQLException e) {
      throw dialect.replaceFailed(e, schema, table);
    }
  }

  /** Removes the rows of generations below the minimum (a refresh that keeps nothing older, once its stream completed). */
  public void deleteGenerationsBelow(String schema, String table, long minimumGenerationId) throws SQLException {
    try (PreparedStatement ps = connection.prepareStatement("DELETE FROM " + dialect.qualified(schema, table)
        + " WHERE _airbyte_generation_id IS NULL OR _airbyte_generation_id < ?")) {
      ps.setLong(1, minimumGenerationId);
      int deleted = ps.executeUpdate();
      LOG.info("removed " + deleted + " rows of generations below " + minimumGenerationId + " from " + schema + "." + table);
    }
  }

  public void execute(String sql) throws SQLException {
    try (Statement s = connection.createStatement()) {
      s.execute(sql);
    }
  }

  public void execute(List<String> statements) throws SQLException {
    for (String sql : statements) {
      execute(sql);
    }
  }
}
