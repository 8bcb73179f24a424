package io.airbyte.server.error;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

/** What a query or path parameter of a Java type takes, in words (never the class name). */
final class ParameterTypes {

  private ParameterTypes() {}

  static String expected(Class<?> type) {
    if (type == null) {
      return "a valid value";
    }
    if (type == UUID.class) {
      return "a UUID";
    }
    if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
      return "an integer";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "true or false";
    }
    if (type == Instant.class || type == OffsetDateTime.class) {
      return "a date-time as 2024-01-31T12:00:00Z";
    }
    if (Iterable.class.isAssignableFrom(type) || type.isArray()) {
      return "a list of valid values";
    }
    return "a valid value";
  }
}
