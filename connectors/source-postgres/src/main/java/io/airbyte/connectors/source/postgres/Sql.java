package io.airbyte.connectors.source.postgres;


/** SQL text helpers: every identifier is quoted, so any name PostgreSQL allows works. */
final class Sql {

  private Sql() {}

  static String quote(String identifier) {
    return '"' + identifier.replace("\"", "\"\"") + '"';
  }

  /** A string literal (standard_conforming_strings is on in our sessions: only quotes need doubling). */
  static String literal(String value) {
    return "'" + value.replace("'", "''") + "'";
  }

  /** A literal cast to a type: {@code '2024-01-01 00:00:00+00'::timestamp with time zone}. */
  static String typed(String value, String sqlType) {
    return literal(value) + "::" + sqlType;
  }
}
