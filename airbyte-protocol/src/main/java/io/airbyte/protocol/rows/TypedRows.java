package io.airbyte.protocol.rows;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The typed-rows record format, {@value #FORMAT}: the fast path between a source and a destination
 * that both declare it in their spec ({@value #SPEC_PROPERTY}) and are both given {@value #OPTION}
 * {@value #FORMAT} on their command line. Records then travel as rows of COPY text on the same
 * lines as every other message, which stay JSON: states, statuses, logs and traces keep their exact
 * place among the records. A stream is declared once, before its first row, by a stream line; rows
 * name it by its number. Both start with the byte {@code 0x1E}, which no JSON line starts with:
 * <pre>
 * 0x1E 'S' TAB ref TAB namespace TAB name (TAB field TAB kind)*    a stream: its fields and their {@link RowValueKind}s
 * 0x1E 'R' TAB ref TAB emitted_at TAB value*                       a record: one value per declared field
 * </pre>
 * Every field is in COPY text escaping ({@code \N} for NULL, backslash escapes); {@code emitted_at}
 * is in epoch milliseconds. A value is the text the JSON record would carry, without JSON's quoting.
 * A stream may be declared again (the same ref, other fields); its rows follow the last declaration.
 */
public final class TypedRows {

  public static final String FORMAT = "typed-rows-v1";
  public static final String SPEC_PROPERTY = "supported_record_formats";
  public static final String OPTION = "--record-format";
  public static final byte MARK = 0x1E;
  public static final byte STREAM = 'S';
  public static final byte ROW = 'R';
  /** The field of a row line holding its first value (0: the mark, 1: the ref, 2: emitted_at). */
  public static final int FIRST_VALUE = 3;

  private TypedRows() {}

  /** Whether a line is a line of this format (not JSON). */
  public static boolean isTypedRowLine(byte[] line) {
    return line.length >= 2 && line[0] == MARK;
  }

  /** Whether a line of this format is a row (else a stream line, or malformed). */
  public static boolean isRow(byte[] line) {
    return line.length >= 2 && line[0] == MARK && line[1] == ROW;
  }

  /** The ref of a row or stream line read from its digits, or -1 when the line has none. */
  public static int ref(byte[] line) {
    if (line.length < 4 || line[2] != '\t') {
      return -1;
    }
    long ref = 0;
    int i = 3;
    for (; i < line.length && line[i] != '\t'; i++) {
      byte b = line[i];
      if (b < '0' || b > '9' || i > 12) {
        return -1;
      }
      ref = ref * 10 + (b - '0');
    }
    return i == 3 || ref > Integer.MAX_VALUE ? -1 : (int) ref;
  }

  /** Whether a connector's spec declares the format. */
  public static boolean declaredBy(JsonNode spec) {
    JsonNode formats = spec == null ? null : spec.get(SPEC_PROPERTY);
    if (formats == null || !formats.isArray()) {
      return false;
    }
    for (JsonNode format : formats) {
      if (FORMAT.equals(format.asText())) {
        return true;
      }
    }
    return false;
  }

  /** A row line's emitted_at (field 2 of {@code row}, loaded from the line); throws when it is not a number. */
  public static long emittedAt(CopyTextRow row) {
    if (row.fields() < FIRST_VALUE) {
      throw new IllegalArgumentException("a row line needs a ref and emitted_at");
    }
    byte[] b = row.array();
    long value = 0;
    int start = row.start(2);
    int end = row.end(2);
    boolean negative = start < end && b[start] == '-';
    if (end - start > 19 || end == start + (negative ? 1 : 0)) {
      throw new IllegalArgumentException("emitted_at is not a number");
    }
    for (int i = negative ? start + 1 : start; i < end; i++) {
      if (b[i] < '0' || b[i] > '9') {
        throw new IllegalArgumentException("emitted_at is not a number");
      }
      value = value * 10 + (b[i] - '0');
    }
    return negative ? -value : value;
  }
}
