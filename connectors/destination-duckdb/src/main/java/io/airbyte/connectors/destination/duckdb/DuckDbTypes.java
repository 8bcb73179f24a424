package io.airbyte.connectors.destination.duckdb;

import io.airbyte.connector.kit.typing.AirbyteType;

/**
 * How Airbyte types become DuckDB column types (as Airbyte's destination-duckdb does: numbers are
 * DOUBLE), and how existing columns are widened.
 */
final class DuckDbTypes {

  private DuckDbTypes() {}

  /** The column type for a new column, as DuckDB reports it in duckdb_columns().data_type. */
  static String sqlType(AirbyteType type) {
    return switch (type) {
      case STRING -> "VARCHAR";
      case BOOLEAN -> "BOOLEAN";
      case INTEGER -> "BIGINT";
      case NUMBER -> "DOUBLE";
      case DATE -> "DATE";
      case TIMESTAMP_WITH_TIMEZONE -> "TIMESTAMP WITH TIME ZONE";
      case TIMESTAMP_WITHOUT_TIMEZONE -> "TIMESTAMP";
      case TIME_WITH_TIMEZONE -> "TIME WITH TIME ZONE";
      case TIME_WITHOUT_TIMEZONE -> "TIME";
      case OBJECT, ARRAY, JSON -> "JSON";
    };
  }

  /** How values are written into a column DuckDB reports with {@code dataType}, or null for a type we do not write. */
  static AirbyteType encodingOf(String dataType) {
    return switch (dataType) {
      case "VARCHAR" -> AirbyteType.STRING;
      case "BOOLEAN" -> AirbyteType.BOOLEAN;
      case "BIGINT" -> AirbyteType.INTEGER;
      case "DOUBLE" -> AirbyteType.NUMBER;
      case "DATE" -> AirbyteType.DATE;
      case "TIMESTAMP WITH TIME ZONE" -> AirbyteType.TIMESTAMP_WITH_TIMEZONE;
      case "TIMESTAMP" -> AirbyteType.TIMESTAMP_WITHOUT_TIMEZONE;
      case "TIME WITH TIME ZONE" -> AirbyteType.TIME_WITH_TIMEZONE;
      case "TIME" -> AirbyteType.TIME_WITHOUT_TIMEZONE;
      case "JSON" -> AirbyteType.JSON;
      default -> null;
    };
  }

  /** The type an existing column must be widened to for values of {@code wanted}, or null to keep it. */
  static String widenedType(String existing, AirbyteType wanted) {
    AirbyteType current = encodingOf(existing);
    if (current == wanted || (current == AirbyteType.JSON && wanted.isJson())) {
      return null;
    }
    if (current == AirbyteType.NUMBER && wanted == AirbyteType.INTEGER) {
      return null;
    }
    if (current == AirbyteType.INTEGER && wanted == AirbyteType.NUMBER) {
      return "DOUBLE";
    }
    if (current == AirbyteType.JSON || current == AirbyteType.STRING) {
      return null;
    }
    return wanted.isJson() ? "JSON" : "VARCHAR";
  }
}
