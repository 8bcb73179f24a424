package io.airbyte.connectors.source.postgres;

import java.util.HexFormat;

/**
 * PostgreSQL's text output (DateStyle ISO, TimeZone UTC) turned into the forms of Airbyte's
 * well-known types: ISO 8601 with 'T', 'Z' for UTC, offsets as ±hh:mm, the BC era kept.
 */
final class PgText {

  private PgText() {}

  static boolean isSpecialNumber(String text) {
    char c = text.charAt(0);
    return c == 'N' || c == 'I' || (c == '-' && text.length() > 1 && text.charAt(1) == 'I');
  }

  /** {@code 2024-01-01 10:00:00.5} → {@code 2024-01-01T10:00:00.5}; {@code infinity} stays. */
  static String timestamp(String text) {
    int space = text.indexOf(' ');
    if (space < 0 || !Character.isDigit(text.charAt(0))) {
      return text;
    }
    return text.substring(0, space) + 'T' + text.substring(space + 1);
  }

  /** {@code 2024-01-01 10:00:00+00} → {@code 2024-01-01T10:00:00Z}; {@code … BC} keeps the era. */
  static String timestampTz(String text) {
    int space = text.indexOf(' ');
    if (space < 0 || !Character.isDigit(text.charAt(0))) {
      return text; // infinity, -infinity
    }
    String era = "";
    String value = text;
    if (value.endsWith(" BC")) {
      era = " BC";
      value = value.substring(0, value.length() - 3);
    }
    return value.substring(0, space) + 'T' + zone(value, space + 1) + era;
  }

  /** {@code 01:02:03+05:30} stays; {@code 01:02:03+05} → {@code 01:02:03+05:00}; {@code +00} → {@code Z}. */
  static String timeTz(String text) {
    return zone(text, 0);
  }

  /** The time part starting at {@code timeStart} with its offset in the well-known form. */
  private static String zone(String value, int timeStart) {
    int sign = -1;
    for (int i = timeStart + 8; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '+' || c == '-') {
        sign = i;
        break;
      }
    }
    String time = value.substring(timeStart);
    if (sign < 0) {
      return time;
    }
    String offset = value.substring(sign);
    String local = value.substring(timeStart, sign);
    if (offset.equals("+00") || offset.equals("+00:00")) {
      return local + "Z";
    }
    return offset.length() == 3 ? local + offset + ":00" : time;
  }

  /** bytea in hex output ({@code \x0102}) → bytes. */
  static byte[] bytea(String text) {
    if (text.startsWith("\\x")) {
      return HexFormat.of().parseHex(text, 2, text.length());
    }
    throw new IllegalArgumentException("bytea value not in hex output format");
  }
}
