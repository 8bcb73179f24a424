package io.airbyte.connector.kit.sql;

import io.airbyte.connector.kit.typing.AirbyteType;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An engine's names for the Airbyte types: the type a new column gets, the name the engine's column
 * introspection reports for it (PostgreSQL reports {@code int8} for {@code bigint}), and back, how
 * values are written into a column of a reported type. OBJECT and ARRAY take JSON's names; the
 * column type of {@code _airbyte_raw_id} is {@link #uuid}.
 */
public final class SqlTypes {

  private final Map<AirbyteType, String> columnTypes = new EnumMap<>(AirbyteType.class);
  private final Map<AirbyteType, String> reportedTypes = new EnumMap<>(AirbyteType.class);
  private final Map<String, AirbyteType> encodings = new HashMap<>();
  private String uuidType;

  /** The column type of {@code _airbyte_raw_id}. */
  public SqlTypes uuid(String columnType) {
    this.uuidType = columnType;
    return this;
  }

  /** Columns for values of {@code type} are made as {@code columnType}, reported under the same name. */
  public SqlTypes map(AirbyteType type, String columnType) {
    return map(type, columnType, columnType);
  }

  /** Columns for values of {@code type} are made as {@code columnType} and reported as {@code reportedType}. */
  public SqlTypes map(AirbyteType type, String columnType, String reportedType) {
    for (AirbyteType t : type == AirbyteType.JSON ? List.of(AirbyteType.OBJECT, AirbyteType.ARRAY, type) : List.of(type)) {
      columnTypes.put(t, columnType);
      reportedTypes.put(t, reportedType);
    }
    encodings.put(reportedType, type);
    return this;
  }

  /** Columns reported as {@code reportedType} (made by someone else) are written as values of {@code type}. */
  public SqlTypes alias(String reportedType, AirbyteType type) {
    encodings.put(reportedType, type);
    return this;
  }

  public String uuidType() {
    return uuidType;
  }

  /** The type of a new column for values of {@code type}. */
  public String columnType(AirbyteType type) {
    String name = columnTypes.get(type);
    if (name == null) {
      throw new IllegalStateException("no column type for " + type);
    }
    return name;
  }

  /** The name introspection reports for a column made as {@link #columnType}. */
  public String reportedType(AirbyteType type) {
    return reportedTypes.get(type);
  }

  /** How values are written into a column reported as {@code reportedType}, or null for a type this destination does not write. */
  public AirbyteType encodingOf(String reportedType) {
    return reportedType == null ? null : encodings.get(reportedType);
  }

  /**
   * The type an existing column must be widened to so values of {@code wanted} fit, or null when it
   * can stay as it is. Widening never loses data: integers widen to the number type, anything else
   * to the JSON type (when JSON is wanted) or the string type; JSON and string columns hold anything.
   */
  public String widenedType(String existing, AirbyteType wanted) {
    AirbyteType current = encodingOf(existing);
    if (current == wanted || (current == AirbyteType.JSON && wanted.isJson())) {
      return null;
    }
    if (current == AirbyteType.NUMBER && wanted == AirbyteType.INTEGER) {
      return null;
    }
    if (current == AirbyteType.INTEGER && wanted == AirbyteType.NUMBER) {
      return columnType(AirbyteType.NUMBER);
    }
    if (current == AirbyteType.JSON || current == AirbyteType.STRING) {
      return null; // already the widest: any value can be written as JSON or as text
    }
    return columnType(wanted.isJson() ? AirbyteType.JSON : AirbyteType.STRING);
  }
}
