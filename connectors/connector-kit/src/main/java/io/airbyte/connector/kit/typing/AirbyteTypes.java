package io.airbyte.connector.kit.typing;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the Airbyte type of a property from a stream's JSON schema, in both styles Airbyte uses:
 * v0 ({@code {"type": "string", "format": "date-time", "airbyte_type": "timestamp_with_timezone"}},
 * {@code {"type": ["null", "integer"]}}) and v1 ({@code {"$ref":
 * "WellKnownTypes.json#/definitions/TimestampWithTimezone"}}).
 */
public final class AirbyteTypes {

  private AirbyteTypes() {}

  /** The top-level properties of a stream schema with their types, in schema order. */
  public static Map<String, AirbyteType> columns(JsonNode streamSchema) {
    Map<String, AirbyteType> columns = new LinkedHashMap<>();
    JsonNode properties = streamSchema == null ? null : streamSchema.get("properties");
    if (properties != null && properties.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = properties.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> property = it.next();
        columns.put(property.getKey(), of(property.getValue()));
      }
    }
    return columns;
  }

  public static AirbyteType of(JsonNode schema) {
    if (schema == null || !schema.isObject()) {
      return AirbyteType.JSON;
    }
    JsonNode ref = schema.get("$ref");
    if (ref != null && ref.isTextual()) {
      return fromReference(ref.asText());
    }
    for (String combinator : List.of("oneOf", "anyOf")) {
      JsonNode options = schema.get(combinator);
      if (options != null && options.isArray()) {
        return union(options);
      }
    }
    List<String> types = nonNullTypes(schema.get("type"));
    if (types.size() != 1) {
      return types.isEmpty() && schema.has("properties") ? AirbyteType.OBJECT : AirbyteType.JSON;
    }
    String airbyteType = schema.path("airbyte_type").asText("");
    String format = schema.path("format").asText("");
    return switch (types.get(0)) {
      case "string" -> stringType(format, airbyteType);
      case "integer" -> AirbyteType.INTEGER;
      case "number" -> "integer".equals(airbyteType) || "big_integer".equals(airbyteType)
          ? AirbyteType.INTEGER : AirbyteType.NUMBER;
      case "boolean" -> AirbyteType.BOOLEAN;
      case "object" -> AirbyteType.OBJECT;
      case "array" -> AirbyteType.ARRAY;
      default -> AirbyteType.JSON;
    };
  }

  private static AirbyteType stringType(String format, String airbyteType) {
    return switch (format) {
      case "date" -> AirbyteType.DATE;
      case "date-time" -> "timestamp_without_timezone".equals(airbyteType)
          ? AirbyteType.TIMESTAMP_WITHOUT_TIMEZONE : AirbyteType.TIMESTAMP_WITH_TIMEZONE;
      case "time" -> "time_with_timezone".equals(airbyteType)
          ? AirbyteType.TIME_WITH_TIMEZONE : AirbyteType.TIME_WITHOUT_TIMEZONE;
      default -> switch (airbyteType) {
        case "timestamp_with_timezone" -> AirbyteType.TIMESTAMP_WITH_TIMEZONE;
        case "timestamp_without_timezone" -> AirbyteType.TIMESTAMP_WITHOUT_TIMEZONE;
        case "time_with_timezone" -> AirbyteType.TIME_WITH_TIMEZONE;
        case "time_without_timezone" -> AirbyteType.TIME_WITHOUT_TIMEZONE;
        case "date" -> AirbyteType.DATE;
        default -> AirbyteType.STRING;
      };
    };
  }

  private static AirbyteType fromReference(String ref) {
    String name = ref.substring(ref.lastIndexOf('/') + 1);
    return switch (name) {
      case "String", "BinaryData" -> AirbyteType.STRING;
      case "Boolean" -> AirbyteType.BOOLEAN;
      case "Integer" -> AirbyteType.INTEGER;
      case "Number" -> AirbyteType.NUMBER;
      case "Date" -> AirbyteType.DATE;
      case "TimestampWithTimezone" -> AirbyteType.TIMESTAMP_WITH_TIMEZONE;
      case "TimestampWithoutTimezone" -> AirbyteType.TIMESTAMP_WITHOUT_TIMEZONE;
      case "TimeWithTimezone" -> AirbyteType.TIME_WITH_TIMEZONE;
      case "TimeWithoutTimezone" -> AirbyteType.TIME_WITHOUT_TIMEZONE;
      default -> AirbyteType.JSON;
    };
  }

  /** A union of one type (besides null) is that type; anything wider is JSON. */
  private static AirbyteType union(JsonNode options) {
    List<AirbyteType> types = new ArrayList<>();
    for (JsonNode option : options) {
      if (!"null".equals(option.path("type").asText(null))) {
        types.add(of(option));
      }
    }
    return types.size() == 1 ? types.get(0) : AirbyteType.JSON;
  }

  private static List<String> nonNullTypes(JsonNode type) {
    List<String> types = new ArrayList<>();
    if (type == null) {
      return types;
    }
    if (type.isTextual()) {
      if (!"null".equals(type.asText())) {
        types.add(type.asText());
      }
    } else if (type.isArray()) {
      for (JsonNode t : type) {
        if (!"null".equals(t.asText())) {
          types.add(t.asText());
        }
      }
    }
    return types;
  }
}
