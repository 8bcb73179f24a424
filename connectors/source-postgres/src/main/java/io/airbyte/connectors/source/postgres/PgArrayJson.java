package io.airbyte.connectors.source.postgres;

import com.fasterxml.jackson.core.io.JsonStringEncoder;

/**
 * A PostgreSQL array in its text form ({@code {1,2,NULL}}, {@code {"a b","c\"d"}}, nested) as the
 * JSON that {@code to_json} makes of it, so an array reads the same from the slot as from the
 * initial load: numbers and booleans as JSON values, json elements as they are, timestamps in ISO
 * form, everything else as strings.
 */
final class PgArrayJson {

  private final String text;
  private final ValueKind element;
  private final StringBuilder out = new StringBuilder();
  private int at;

  private PgArrayJson(String text, ValueKind element) {
    this.text = text;
    this.element = element;
  }

  static String toJson(String text, ValueKind element) {
    PgArrayJson parser = new PgArrayJson(text, element);
    if (text.startsWith("[")) { // explicit bounds: [1:2]={…}
      parser.at = text.indexOf('=') + 1;
    }
    parser.array();
    return parser.out.toString();
  }

  private void array() {
    expect('{');
    out.append('[');
    boolean first = true;
    while (text.charAt(at) != '}') {
      if (!first) {
        expect(',');
        out.append(',');
      }
      first = false;
      char c = text.charAt(at);
      if (c == '{') {
        array();
      } else if (c == '"') {
        at++;
        StringBuilder value = new StringBuilder();
        for (char ch = text.charAt(at); ch != '"'; ch = text.charAt(at)) {
          if (ch == '\\') {
            at++;
            ch = text.charAt(at);
          }
          value.append(ch);
          at++;
        }
        at++;
        element(value.toString());
      } else {
        int start = at;
        while (text.charAt(at) != ',' && text.charAt(at) != '}') {
          at++;
        }
        String value = text.substring(start, at).strip();
        if (value.equalsIgnoreCase("NULL")) {
          out.append("null");
        } else {
          element(value);
        }
      }
    }
    at++;
    out.append(']');
  }

  private void element(String value) {
    switch (element) {
      case INTEGER -> out.append(value);
      case NUMERIC, FLOAT -> {
        if (value.equals("NaN") || value.endsWith("Infinity")) {
          quoted(value);
        } else {
          out.append(value);
        }
      }
      case BOOLEAN -> out.append(value.startsWith("t") ? "true" : "false");
      case JSON -> out.append(value);
      case TIMESTAMP -> quoted(value.replaceFirst(" ", "T"));
      case TIMESTAMPTZ -> quoted(isoOffset(value.replaceFirst(" ", "T")));
      default -> quoted(value);
    }
  }

  /** "…+02" as "…+02:00", as to_json writes offsets. */
  private static String isoOffset(String value) {
    int sign = Math.max(value.lastIndexOf('+'), value.lastIndexOf('-'));
    return sign > 10 && value.length() - sign == 3 ? value + ":00" : value;
  }

  private void quoted(String value) {
    out.append('"');
    JsonStringEncoder.getInstance().quoteAsString(value, out);
    out.append('"');
  }

  private void expect(char c) {
    if (text.charAt(at) != c) {
      throw new IllegalArgumentException("array text: expected '" + c + "' at " + at + " of " + text);
    }
    at++;
  }
}
