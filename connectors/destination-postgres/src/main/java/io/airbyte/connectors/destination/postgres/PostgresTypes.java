package io.airbyte.connectors.destination.postgres;

import io.airbyte.connector.kit.typing.AirbyteType;

/** How Airbyte types become PostgreSQL column types, and how existing columns are widened. */
final class PostgresTypes {

  private PostgresTypes() {}

  /** The column type for a new column. */
  static String sqlType(AirbyteType type) {
    return switch (type) {
      case STRING -> "text";
      case BOOLEAN -> "boolean";
      case INTEGER -> "bigint";
      case NUMBER -> "numeric";
      case DATE -> "date";
      case TIMESTAMP_WITH_TIMEZONE -> "timestamptz";
      case TIMESTAMP_WITHOUT_TIMEZONE -> "timestamp";
      case TIME_WITH_TIMEZONE -> "timetz";
      case TIME_WITHOUT_TIMEZONE -> "time";
      case OBJECT, ARRAY, JSON -> "jsonb";
    };
  }

  /** The udt_name PostgreSQL reports for {@link #sqlType}. */
  static String udtName(AirbyteType type) {
    return switch (type) {
      case STRING -> "text";
      case BOOLEAN -> "bool";
      case INTEGER -> "int8";
      case NUMBER -> "numeric";
      case DATE -> "date";
      case TIMESTAMP_WITH_TIMEZONE -> "timestamptz";
      case TIMESTAMP_WITHOUT_TIMEZONE -> "timestamp";
      case TIME_WITH_TIMEZONE -> "timetz";
      case TIME_WITHOUT_TIMEZONE -> "time";
      case OBJECT, ARRAY, JSON -> "jsonb";
    };
  }

  /** How values are encoded for a column PostgreSQL reports with {@code udt}, or null for a type we do not write. */
  static AirbyteType encodingOf(String udt) {
    return switch (udt) {
      case "text", "varchar", "bpchar", "name", "citext" -> AirbyteType.STRING;
      case "bool" -> AirbyteType.BOOLEAN;
      case "int8" -> AirbyteType.INTEGER;
      case "numeric" -> AirbyteType.NUMBER;
      case "date" -> AirbyteType.DATE;
      case "timestamptz" -> AirbyteType.TIMESTAMP_WITH_TIMEZONE;
      case "timestamp" -> AirbyteType.TIMESTAMP_WITHOUT_TIMEZONE;
      case "timetz" -> AirbyteType.TIME_WITH_TIMEZONE;
      case "time" -> AirbyteType.TIME_WITHOUT_TIMEZONE;
      case "jsonb", "json" -> AirbyteType.JSON;
      default -> null;
    };
  }

  /**
   * The type an existing column must be widened to so values of {@code wanted} fit, or null when
   * it can stay as it is. Widening never loses data: numbers widen to numeric, anything else to
   * jsonb (when JSON is wanted) or text.
   */
  static String widenedType(String existingUdt, AirbyteType wanted) {
    AirbyteType existing = encodingOf(existingUdt);
    boolean smallNumber = switch (existingUdt) {
      case "int2", "int4", "float4", "float8" -> true;
      default -> false;
    };
    if (smallNumber && (wanted == AirbyteType.INTEGER || wanted == AirbyteType.NUMBER)) {
      return wanted == AirbyteType.INTEGER && !existingUdt.startsWith("float") ? "bigint" : "numeric";
    }
    if (existing == wanted || (existing == AirbyteType.JSON && wanted.isJson())) {
      return null;
    }
    if (existing == AirbyteType.NUMBER && wanted == AirbyteType.INTEGER) {
      return null;
    }
    if (existing == AirbyteType.INTEGER && wanted == AirbyteType.NUMBER) {
      return "numeric";
    }
    if (existing == AirbyteType.JSON || existing == AirbyteType.STRING) {
      return null; // already the widest: any value can be written as JSON or as text
    }
    return wanted.isJson() ? "jsonb" : "text";
  }

  /** The USING expression of an ALTER COLUMN TYPE to {@code target}. */
  static String conversion(String quotedColumn, String target) {
    return switch (target) {
      case "jsonb" -> "to_jsonb(" + quotedColumn + ")";
      case "text" -> quotedColumn + "::text";
      default -> quotedColumn + "::" + target;
    };
  }
}
