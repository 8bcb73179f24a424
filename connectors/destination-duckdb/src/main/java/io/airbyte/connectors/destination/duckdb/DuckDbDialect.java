package io.airbyte.connectors.destination.duckdb;

import io.airbyte.connector.kit.sql.FileStaging;
import io.airbyte.connector.kit.sql.SqlDialect;
import io.airbyte.connector.kit.sql.SqlTypes;
import io.airbyte.connector.kit.sql.Staging;
import io.airbyte.connector.kit.typing.AirbyteType;
import java.io.IOException;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Locale;

/**
 * DuckDB for the kit's SQL destination: numbers are DOUBLE (as Airbyte's destination-duckdb has
 * them), JSON columns, a truncate empties with DELETE, rows staged as CSV files loaded with COPY.
 */
final class DuckDbDialect implements SqlDialect {

  /** Column types, as duckdb_columns() reports them. */
  private static final SqlTypes TYPES = new SqlTypes().uuid("UUID")
      .map(AirbyteType.STRING, "VARCHAR").map(AirbyteType.BOOLEAN, "BOOLEAN").map(AirbyteType.INTEGER, "BIGINT")
      .map(AirbyteType.NUMBER, "DOUBLE").map(AirbyteType.DATE, "DATE").map(AirbyteType.TIMESTAMP_WITH_TIMEZONE, "TIMESTAMP WITH TIME ZONE")
      .map(AirbyteType.TIMESTAMP_WITHOUT_TIMEZONE, "TIMESTAMP").map(AirbyteType.TIME_WITH_TIMEZONE, "TIME WITH TIME ZONE")
      .map(AirbyteType.TIME_WITHOUT_TIMEZONE, "TIME").map(AirbyteType.JSON, "JSON");

  /** DuckDB tells identifiers apart without case, quoted or not: {@code "Dup"} and {@code "dup"} are one table. */
  @Override
  public String identityOf(String identifier) {
    return identifier.toLowerCase(Locale.ROOT);
  }

  @Override
  public SqlTypes types() {
    return TYPES;
  }

  @Override
  public String conversion(String quotedColumn, String type) {
    return type.equals("JSON") ? "to_json(" + quotedColumn + ")" : "CAST(" + quotedColumn + " AS " + type + ")";
  }

  @Override
  public String columnsQuery() {
    return "SELECT column_name, data_type FROM duckdb_columns()"
        + " WHERE schema_name = ? AND table_name = ? AND NOT internal ORDER BY column_index";
  }

  @Override
  public String schemaExistsQuery() {
    return "SELECT 1 FROM duckdb_schemas() WHERE database_name = current_database() AND schema_name = ?";
  }

  @Override
  public String truncate(String table) {
    return "DELETE FROM " + table;
  }

  @Override
  public String createStage(String stage, String table) {
    return "CREATE OR REPLACE TEMP TABLE " + stage + " AS SELECT * FROM " + table + " LIMIT 0";
  }

  /** Rows staged in CSV files, loaded with DuckDB's COPY (never row by row). */
  @Override
  public Staging staging(Connection connection) throws IOException {
    return new FileStaging("airbyte-duckdb-", ".csv", DuckDbCsvFormat.INSTANCE, (file, table, columns) -> {
      try (Statement s = connection.createStatement()) {
        s.execute("COPY " + table + " (" + columns + ") FROM '" + file.toString().replace("'", "''") + "' "
            + DuckDbCsvFormat.COPY_OPTIONS);
      }
    });
  }
}
