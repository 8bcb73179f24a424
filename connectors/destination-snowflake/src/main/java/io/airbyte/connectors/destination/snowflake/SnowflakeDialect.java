package io.airbyte.connectors.destination.snowflake;

import io.airbyte.connector.kit.destination.StreamTarget;
import io.airbyte.connector.kit.sql.FileStaging;
import io.airbyte.connector.kit.sql.SqlDialect;
import io.airbyte.connector.kit.sql.SqlTables;
import io.airbyte.connector.kit.sql.SqlTypes;
import io.airbyte.connector.kit.sql.Staging;
import io.airbyte.connector.kit.typing.AirbyteType;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Snowflake for the kit's SQL destination, with the tables Airbyte's destination-snowflake makes:
 * identifiers in upper case (always quoted), NUMBER(38,0) and FLOAT, VARIANT for objects, arrays and
 * {@code _airbyte_meta}, TIMESTAMP_TZ and TIMESTAMP_NTZ, a time with time zone as VARCHAR (Snowflake
 * has no such type). Rows go to gzipped CSV files, PUT into a temporary internal stage and loaded with
 * COPY INTO; dedup streams are merged with MERGE. Snowflake commits DDL implicitly, so everything that
 * runs between two states (COPY, MERGE, DELETE) is DML, and a truncate refresh is swapped in with
 * {@code ALTER TABLE … SWAP WITH}.
 */
final class SnowflakeDialect implements SqlDialect {

  /** The write's temporary internal stage, in the session's schema. */
  static final String STAGE = "AIRBYTE_STAGE";
  static final String COPY_FORMAT = "FILE_FORMAT = (TYPE = CSV COMPRESSION = GZIP FIELD_DELIMITER = ','"
      + " FIELD_OPTIONALLY_ENCLOSED_BY = '\"' ESCAPE_UNENCLOSED_FIELD = NONE NULL_IF = ('\\\\N') EMPTY_FIELD_AS_NULL = FALSE)";

  /** Column types, and the names information_schema.columns reports for them. */
  private static final SqlTypes TYPES = new SqlTypes().uuid("VARCHAR")
      .map(AirbyteType.TIME_WITH_TIMEZONE, "VARCHAR", "TEXT")
      .map(AirbyteType.STRING, "VARCHAR", "TEXT") // after the time with time zone: TEXT columns hold strings
      .map(AirbyteType.BOOLEAN, "BOOLEAN").map(AirbyteType.INTEGER, "NUMBER(38,0)", "NUMBER")
      .map(AirbyteType.NUMBER, "FLOAT").map(AirbyteType.DATE, "DATE")
      .map(AirbyteType.TIMESTAMP_WITH_TIMEZONE, "TIMESTAMP_TZ").map(AirbyteType.TIMESTAMP_WITHOUT_TIMEZONE, "TIMESTAMP_NTZ")
      .map(AirbyteType.TIME_WITHOUT_TIMEZONE, "TIME").map(AirbyteType.JSON, "VARIANT")
      .alias("OBJECT", AirbyteType.JSON).alias("ARRAY", AirbyteType.JSON)
      .alias("TIMESTAMP_LTZ", AirbyteType.TIMESTAMP_WITH_TIMEZONE);

  /**
   * The largest record a write takes: Snowflake holds at most 16 MB in a VARCHAR (and in a VARIANT on
   * accounts before 2025's larger limit), and a record's values are parsed, encoded into a CSV row and
   * staged in memory on the way, so a record above it is refused by its stream's name before it costs
   * the heap (see {@link io.airbyte.connector.kit.RecordSizeLimit}).
   */
  static final long MAX_RECORD_BYTES = 16L << 20;

  private final String defaultSchema;
  private final int retentionPeriodDays;

  /**
   * @param defaultSchema the session's schema (of the config), where the write's temporary stage and tables are
   * @param retentionPeriodDays the Time Travel retention of the tables the destination creates
   */
  SnowflakeDialect(String defaultSchema, int retentionPeriodDays) {
    this.defaultSchema = defaultSchema;
    this.retentionPeriodDays = retentionPeriodDays;
  }

  @Override
  public long maxRecordBytes() {
    return MAX_RECORD_BYTES;
  }

  /** {@code retention_period_days}, as Airbyte's destination-snowflake sets it on the tables it creates. */
  @Override
  public String tableOptions() {
    return "DATA_RETENTION_TIME_IN_DAYS = " + retentionPeriodDays;
  }

  /** Snowflake makes a new schema the session's: the session goes back to the default schema. */
  @Override
  public List<String> createSchema(String schema) {
    return List.of("CREATE SCHEMA IF NOT EXISTS " + quote(schema), "USE SCHEMA " + quote(defaultSchema));
  }

  /** Upper case, as Airbyte's destination-snowflake names tables, schemas and columns. */
  @Override
  public String fit(String identifier) {
    return identifier.replace("\u0000", "").toUpperCase(Locale.ROOT);
  }

  @Override
  public SqlTypes types() {
    return TYPES;
  }

  @Override
  public String conversion(String quotedColumn, String type) {
    return switch (type) {
      case "VARIANT" -> "TO_VARIANT(" + quotedColumn + ")";
      case "VARCHAR" -> "TO_VARCHAR(" + quotedColumn + ")";
      default -> "CAST(" + quotedColumn + " AS " + type + ")";
    };
  }

  /** Snowflake changes a column's type only within its kind: a new column takes the converted values and the old one's name. */
  @Override
  public List<String> alterColumnType(String table, String quotedColumn, String type) {
    String widened = quotedColumn.substring(0, quotedColumn.length() - 1) + "_AIRBYTE_WIDENED\"";
    return List.of(
        "ALTER TABLE " + table + " ADD COLUMN " + widened + " " + type,
        "UPDATE " + table + " SET " + widened + " = " + conversion(quotedColumn, type),
        "ALTER TABLE " + table + " DROP COLUMN " + quotedColumn,
        "ALTER TABLE " + table + " RENAME COLUMN " + widened + " TO " + quotedColumn);
  }

  @Override
  public String columnsQuery() {
    return "SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = ? AND table_name = ?"
        + " ORDER BY ordinal_position";
  }

  @Override
  public String schemaExistsQuery() {
    return "SELECT 1 FROM information_schema.schemata WHERE schema_name = ?";
  }

  /** DELETE rather than TRUNCATE, which Snowflake commits like DDL. */
  @Override
  public String truncate(String table) {
    return "DELETE FROM " + table;
  }

  /** The new table takes the old one's place atomically (a missing final table is made first, empty). */
  @Override
  public List<String> replace(String schema, String table, String replacement) {
    return List.of(
        "CREATE TABLE IF NOT EXISTS " + qualified(schema, table) + " LIKE " + qualified(schema, replacement),
        "ALTER TABLE " + qualified(schema, replacement) + " SWAP WITH " + qualified(schema, table),
        "DROP TABLE " + qualified(schema, replacement));
  }

  @Override
  public String createStage(String stage, String table) {
    return "CREATE OR REPLACE TEMPORARY TABLE " + stage + " LIKE " + table;
  }

  /** One MERGE of the newest staged row per key (by cursor, extraction time, arrival), then deletions, all DML. */
  @Override
  public List<String> merge(StreamTarget target, String stage, String table, String columnList) {
    List<String> columns = new ArrayList<>(SqlTables.AIRBYTE_COLUMNS.stream().map(this::quote).toList());
    target.columns().keySet().forEach(c -> columns.add(quote(c)));
    List<String> key = target.primaryKey().stream().map(this::quote).toList();
    String cursor = target.cursor() == null ? null : quote(target.cursor());
    String extractedAt = quote("_airbyte_extracted_at");
    String order = (cursor == null ? "" : cursor + " DESC NULLS LAST, ") + extractedAt + " DESC, _airbyte_seq DESC";
    String match = String.join(" AND ", key.stream()
        .map(k -> "(t." + k + " = n." + k + " OR (t." + k + " IS NULL AND n." + k + " IS NULL))").toList());
    String newer = cursor == null
        ? "n." + extractedAt + " >= t." + extractedAt
        : "(t." + cursor + " IS NULL OR (n." + cursor + " IS NOT NULL AND (n." + cursor + " > t." + cursor
            + " OR (n." + cursor + " = t." + cursor + " AND n." + extractedAt + " >= t." + extractedAt + "))))";
    String list = String.join(", ", columns);
    List<String> statements = new ArrayList<>();
    statements.add("MERGE INTO " + table + " t USING (SELECT " + list + " FROM " + stage
        + " QUALIFY ROW_NUMBER() OVER (PARTITION BY " + String.join(", ", key) + " ORDER BY " + order + ") = 1) n ON "
        + match + " WHEN MATCHED AND " + newer + " THEN UPDATE SET "
        + String.join(", ", columns.stream().map(c -> c + " = n." + c).toList())
        + " WHEN NOT MATCHED THEN INSERT (" + list + ") VALUES ("
        + String.join(", ", columns.stream().map(c -> "n." + c).toList()) + ")");
    if (target.columns().containsKey("_ab_cdc_deleted_at")) {
      statements.add("DELETE FROM " + table + " WHERE " + quote("_ab_cdc_deleted_at") + " IS NOT NULL");
    }
    statements.add("DELETE FROM " + stage);
    return statements;
  }

  @Override
  public String rowOfSyncAndGeneration() {
    return quote("_airbyte_meta") + ":\"sync_id\"::VARCHAR IS NOT DISTINCT FROM ? AND "
        + quote("_airbyte_generation_id") + " IS NOT DISTINCT FROM ?";
  }

  /**
   * Rows in gzipped CSV files of bounded size, each PUT under its own path of the write's temporary
   * stage and loaded with COPY INTO in the open transaction (the stage's files are purged once loaded).
   */
  @Override
  public Staging staging(Connection connection) throws Exception {
    try (Statement s = connection.createStatement()) {
      s.execute("CREATE TEMPORARY STAGE IF NOT EXISTS " + STAGE);
    }
    connection.commit();
    return new FileStaging("airbyte-snowflake-", ".csv.gz", SnowflakeCsvFormat.INSTANCE, (file, table, columns) -> {
      String path = "@" + STAGE + "/" + UUID.randomUUID() + "/";
      try (Statement s = connection.createStatement()) {
        s.execute("PUT '" + file.toUri().toString().replace("'", "\\'") + "' " + path
            + " AUTO_COMPRESS = FALSE SOURCE_COMPRESSION = GZIP OVERWRITE = TRUE");
        s.execute("COPY INTO " + table + " (" + columns + ") FROM " + path + " " + COPY_FORMAT + " PURGE = TRUE");
      }
    }, true);
  }

}
