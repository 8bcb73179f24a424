package io.airbyte.connector.kit.sql;

import io.airbyte.connector.kit.RecordSizeLimit;
import io.airbyte.connector.kit.destination.StreamTarget;
import io.airbyte.connector.kit.typing.AirbyteType;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * What differs from one SQL engine to another in the table lifecycle that {@link SqlTables} and
 * {@link SqlStreamLoader} run: identifiers, type names and widening, column introspection, the few
 * statements engines spell differently, and how rows are staged and loaded. The defaults are SQL
 * that PostgreSQL and DuckDB both run; a dialect overrides what its engine does otherwise.
 */
public interface SqlDialect {

  /** The name the engine stores for {@code identifier} (e.g. shortened to its limit); by default unchanged. */
  default String fit(String identifier) {
    return identifier;
  }

  /**
   * What the engine tells identifiers apart by: two names with the same identity are one table (or
   * column) there. By default the fitted name (quoted identifiers are case-sensitive); an engine that
   * folds case even in quoted identifiers (DuckDB) folds it here too.
   */
  default String identityOf(String identifier) {
    return fit(identifier);
  }

  /** The identifier, fitted, quoted: names with spaces, quotes, upper case or reserved words work as they are. */
  default String quote(String identifier) {
    return '"' + fit(identifier).replace("\"", "\"\"") + '"';
  }

  default String qualified(String schema, String table) {
    return quote(schema) + "." + quote(table);
  }

  /** A name derived from a table's name with a suffix (temporary, index), within the engine's limit. */
  default String withSuffix(String table, String suffix) {
    return fit(fit(table) + suffix);
  }

  /** The statements that create {@code schema} (which does not exist). */
  default List<String> createSchema(String schema) {
    return List.of("CREATE SCHEMA IF NOT EXISTS " + quote(schema));
  }

  /** The column types of the Airbyte types (and of {@code _airbyte_raw_id}). */
  SqlTypes types();

  /** The type an existing column (as introspection reports it) is widened to for values of {@code wanted}, or null to keep it. */
  default String widenedType(String existing, AirbyteType wanted) {
    return types().widenedType(existing, wanted);
  }

  /** The expression that converts the values of {@code quotedColumn} when it is widened to {@code type}. */
  String conversion(String quotedColumn, String type);

  /** The statements that widen a column of {@code table} to {@code type}, keeping its values. */
  default List<String> alterColumnType(String table, String quotedColumn, String type) {
    return List.of("ALTER TABLE " + table + " ALTER COLUMN " + quotedColumn + " TYPE " + type + " USING "
        + conversion(quotedColumn, type));
  }

  /**
   * A query with the parameters schema and table (fitted) that lists the table's columns, in order:
   * name and type as {@link SqlTypes#reportedType} names them; no row when the table does not exist.
   */
  String columnsQuery();

  /** A query with the parameter schema (fitted) that returns a row when the schema exists. */
  String schemaExistsQuery();

  default String truncate(String table) {
    return "TRUNCATE TABLE " + table;
  }

  /** The statements that replace {@code table} by {@code replacement} (renamed) in one transaction. */
  default List<String> replace(String schema, String table, String replacement) {
    return List.of("DROP TABLE IF EXISTS " + qualified(schema, table),
        "ALTER TABLE " + qualified(schema, replacement) + " RENAME TO " + quote(table));
  }

  /** What to report when {@link #replace} failed: something the user can act on, or the error itself (the default). */
  default Exception replaceFailed(SQLException error, String schema, String table) {
    return error;
  }

  /** The statements that index a dedup table's primary key; by default none. */
  default List<String> keyIndex(String schema, String table, List<String> primaryKey) {
    return List.of();
  }

  /**
   * The statement that creates the write's staging table of a dedup stream: a temporary table with
   * the columns of {@code table}, empty (the kit adds {@code _airbyte_seq}).
   *
   * @param stage the quoted name of the temporary table
   */
  String createStage(String stage, String table);

  /** The statements that merge the staged rows into the deduplicated table (see {@link DedupMerge}, the default). */
  default List<String> merge(StreamTarget target, String stage, String table, String columnList) {
    return new DedupMerge(target, this::quote, stage, table, columnList).statements();
  }

  /**
   * Whether rows without changes reach the tables a write owns (a truncate refresh's temporary table,
   * a dedup stream's staging table) without {@code _airbyte_meta} and {@code _airbyte_generation_id},
   * which those tables' column defaults then give ({@link #setDefault}): two values fewer for the
   * engine to parse in every row. By default not.
   */
  default boolean loadsConstantsAsDefaults() {
    return false;
  }

  /** The statement that makes {@code literal} (SQL) the default of a column of {@code table}. */
  default String setDefault(String table, String quotedColumn, String literal) {
    return "ALTER TABLE " + table + " ALTER COLUMN " + quotedColumn + " SET DEFAULT " + literal;
  }

  /** The statement that removes the default of a column of {@code table}. */
  default String dropDefault(String table, String quotedColumn) {
    return "ALTER TABLE " + table + " ALTER COLUMN " + quotedColumn + " DROP DEFAULT";
  }

  /** The condition that a row belongs to a sync and generation (see {@link TruncateRefresh#ROW_OF_SYNC_AND_GENERATION}). */
  default String rowOfSyncAndGeneration() {
    return TruncateRefresh.ROW_OF_SYNC_AND_GENERATION;
  }

  /**
   * The largest record (its whole input line) a write takes by default: what the engine can hold in
   * a row, within what a connector's heap should hold (see {@link RecordSizeLimit}); by default {@link
   * RecordSizeLimit#DEFAULT_BYTES}.
   */
  default long maxRecordBytes() {
    return RecordSizeLimit.DEFAULT_BYTES;
  }

  /**
   * What follows the column list of a {@code CREATE TABLE} of a stream's table (table options such as
   * a retention period); by default nothing.
   */
  default String tableOptions() {
    return "";
  }

  /** How rows reach their tables through {@code connection}, for one write. */
  Staging staging(Connection connection) throws Exception;
}
