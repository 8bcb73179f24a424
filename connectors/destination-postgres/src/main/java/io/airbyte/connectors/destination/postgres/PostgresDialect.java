package io.airbyte.connectors.destination.postgres;

import io.airbyte.connector.kit.ConfigErrorException;
import io.airbyte.connector.kit.sql.SqlDialect;
import io.airbyte.connector.kit.sql.SqlTypes;
import io.airbyte.connector.kit.sql.Staging;
import io.airbyte.connector.kit.typing.AirbyteType;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * PostgreSQL for the kit's SQL destination: identifiers fitted to 63 bytes, jsonb and numeric
 * columns, small integer and float columns widened too, a dedup table's primary key indexed,
 * temporary staging tables emptied at each commit, rows sent with COPY FROM STDIN in text format (those
 * without changes leave {@code _airbyte_meta} and {@code _airbyte_generation_id} to column defaults
 * in the tables the write owns).
 */
final class PostgresDialect implements SqlDialect {

  /** Column types and the udt names PostgreSQL reports for them. */
  private static final SqlTypes TYPES = new SqlTypes().uuid("uuid")
      .map(AirbyteType.STRING, "text").map(AirbyteType.BOOLEAN, "boolean", "bool").map(AirbyteType.INTEGER, "bigint", "int8")
      .map(AirbyteType.NUMBER, "numeric").map(AirbyteType.DATE, "date").map(AirbyteType.TIMESTAMP_WITH_TIMEZONE, "timestamptz")
      .map(AirbyteType.TIMESTAMP_WITHOUT_TIMEZONE, "timestamp").map(AirbyteType.TIME_WITH_TIMEZONE, "timetz")
      .map(AirbyteType.TIME_WITHOUT_TIMEZONE, "time").map(AirbyteType.JSON, "jsonb")
      .alias("varchar", AirbyteType.STRING).alias("bpchar", AirbyteType.STRING).alias("name", AirbyteType.STRING)
      .alias("citext", AirbyteType.STRING).alias("json", AirbyteType.JSON);

  private final boolean dropCascade;

  /** @param dropCascade whether replacing a table drops the views that depend on it */
  PostgresDialect(boolean dropCascade) {
    this.dropCascade = dropCascade;
  }

  @Override
  public String fit(String identifier) {
    return Identifiers.fit(identifier);
  }

  @Override
  public SqlTypes types() {
    return TYPES;
  }

  /** Also widens the integer and float columns this destination does not make (int2, int4, float4, float8). */
  @Override
  public String widenedType(String existing, AirbyteType wanted) {
    boolean smallNumber = switch (existing) {
      case "int2", "int4", "float4", "float8" -> true;
      default -> false;
    };
    if (smallNumber && (wanted == AirbyteType.INTEGER || wanted == AirbyteType.NUMBER)) {
      return wanted == AirbyteType.INTEGER && !existing.startsWith("float") ? "bigint" : "numeric";
    }
    return TYPES.widenedType(existing, wanted);
  }

  @Override
  public String conversion(String quotedColumn, String type) {
    return switch (type) {
      case "jsonb" -> "to_jsonb(" + quotedColumn + ")";
      case "text" -> quotedColumn + "::text";
      default -> quotedColumn + "::" + type;
    };
  }

  @Override
  public String columnsQuery() {
    return "SELECT a.attname, t.typname FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid"
        + " JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_type t ON t.oid = a.atttypid"
        + " WHERE n.nspname = ? AND c.relname = ? AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum";
  }

  @Override
  public String schemaExistsQuery() {
    return "SELECT 1 FROM pg_namespace WHERE nspname = ?";
  }

  /** Drops the table (with its dependent views when {@code drop_cascade}), renames the new one and its index. */
  @Override
  public List<String> replace(String schema, String table, String replacement) {
    return List.of(
        "DROP TABLE IF EXISTS " + qualified(schema, table) + (dropCascade ? " CASCADE" : ""),
        "ALTER TABLE " + qualified(schema, replacement) + " RENAME TO " + quote(table),
        "ALTER INDEX IF EXISTS " + qualified(schema, indexName(replacement)) + " RENAME TO " + quote(indexName(table)));
  }

  @Override
  public Exception replaceFailed(SQLException error, String schema, String table) {
    if ("2BP01".equals(error.getSQLState())) {
      return new ConfigErrorException("Cannot replace table " + schema + "." + table + " because other objects (views)"
          + " depend on it: drop them or enable 'drop_cascade'. " + error.getMessage(), error);
    }
    return error;
  }

  @Override
  public List<String> keyIndex(String schema, String table, List<String> primaryKey) {
    List<String> quoted = primaryKey.stream().map(this::quote).toList();
    return List.of("CREATE INDEX IF NOT EXISTS " + quote(indexName(table)) + " ON " + qualified(schema, table)
        + " (" + String.join(", ", quoted) + ")");
  }

  @Override
  public String createStage(String stage, String table) {
    return "CREATE TEMP TABLE IF NOT EXISTS " + stage + " (LIKE " + table + ") ON COMMIT DELETE ROWS";
  }

  /** PostgreSQL parses jsonb in every row of a COPY: the meta of rows without changes comes from the column default. */
  @Override
  public boolean loadsConstantsAsDefaults() {
    return true;
  }

  @Override
  public Staging staging(Connection connection) throws SQLException {
    return new CopyStream(connection);
  }

  private String indexName(String table) {
    return withSuffix(table, "_airbyte_pk");
  }
}
