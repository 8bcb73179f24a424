package io.airbyte.protocol.rows;

/**
 * What the text of a value in a {@link TypedRows} row stands for: the JSON value a JSON-lines
 * record would carry for it. Dates, times and timestamps are strings (ISO 8601, as in JSON);
 * objects and arrays are {@code JSON} (their JSON text).
 */
public enum RowValueKind {
  /** digits with an optional minus: a JSON integer */
  INTEGER('i'),
  /** a JSON number, or NaN, Infinity, -Infinity (which JSON carries as strings) */
  NUMBER('n'),
  /** {@code t} or {@code f} */
  BOOLEAN('b'),
  /** any text: a JSON string */
  STRING('s'),
  /** a JSON document (object, array or scalar) as its JSON text */
  JSON('j');

  private final char code;

  RowValueKind(char code) {
    this.code = code;
  }

  public char code() {
    return code;
  }

  /** The kind of a code; null when the code is none. */
  public static RowValueKind of(char code) {
    for (RowValueKind kind : values()) {
      if (kind.code == code) {
        return kind;
      }
    }
    return null;
  }
}
