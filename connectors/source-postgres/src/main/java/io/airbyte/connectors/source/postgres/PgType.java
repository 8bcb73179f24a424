package io.airbyte.connectors.source.postgres;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.airbyte.protocol.json.Jsons;
import java.util.List;

/**
 * A column's PostgreSQL type as this source reads it: how values become JSON ({@link #kind}),
 * the JSON schema announced in the catalog (Airbyte's v0 style with well-known types), and the
 * SQL type name to cast cursor values back with.
 *
 * @param sqlName the type as {@code format_type} prints it (for casts)
 * @param element for arrays, the element type
 */
record PgType(String sqlName, ValueKind kind, PgType element, List<String> enumValues) {

  /**
   * @param typname pg_type.typname of the (base type of the) column
   * @param category pg_type.typcategory
   */
  static PgType of(String sqlName, String typname, String category, PgType element, List<String> enumValues) {
    if (element != null) {
      return new PgType(sqlName, ValueKind.ARRAY, element, null);
    }
    ValueKind kind = switch (typname) {
      case "int2", "int4", "int8", "oid", "xid", "cid" -> ValueKind.INTEGER;
      case "numeric" -> ValueKind.NUMERIC;
      case "float4", "float8" -> ValueKind.FLOAT;
      case "bool" -> ValueKind.BOOLEAN;
      case "date" -> ValueKind.DATE;
      case "timestamp" -> ValueKind.TIMESTAMP;
      case "timestamptz" -> ValueKind.TIMESTAMPTZ;
      case "time" -> ValueKind.TIME;
      case "timetz" -> ValueKind.TIMETZ;
      case "json", "jsonb" -> ValueKind.JSON;
      case "bytea" -> ValueKind.BYTEA;
      default -> ValueKind.STRING; // text, varchar, uuid, enums, money, interval, inet, bit, xml, geometry, ranges…
    };
    return new PgType(sqlName, kind, null, "E".equals(category) ? enumValues : null);
  }

  /** The property schema for the catalog. */
  ObjectNode jsonSchema() {
    ObjectNode schema = Jsons.object();
    switch (kind) {
      case INTEGER -> schema.put("type", "number").put("airbyte_type", "integer");
      case NUMERIC, FLOAT -> schema.put("type", "number");
      case BOOLEAN -> schema.put("type", "boolean");
      case STRING -> {
        schema.put("type", "string");
        if (enumValues != null) {
          ArrayNode values = schema.putArray("enum");
          enumValues.forEach(values::add);
        }
      }
      case DATE -> schema.put("type", "string").put("format", "date");
      case TIMESTAMP -> schema.put("type", "string").put("format", "date-time").put("airbyte_type", "timestamp_without_timezone");
      case TIMESTAMPTZ -> schema.put("type", "string").put("format", "date-time").put("airbyte_type", "timestamp_with_timezone");
      case TIME -> schema.put("type", "string").put("format", "time").put("airbyte_type", "time_without_timezone");
      case TIMETZ -> schema.put("type", "string").put("format", "time").put("airbyte_type", "time_with_timezone");
      case JSON -> { } // any JSON value: object, array or scalar
      case BYTEA -> schema.put("type", "string").put("contentEncoding", "base64");
      case ARRAY -> {
        schema.put("type", "array");
        schema.set("items", element.jsonSchema());
      }
      default -> throw new IllegalStateException("unhandled kind " + kind);
    }
    return schema;
  }
}
