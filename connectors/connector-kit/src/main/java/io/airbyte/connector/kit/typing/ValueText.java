package io.airbyte.connector.kit.typing;

/**
 * Checks that text is a valid value of an Airbyte type, without allocating: what a destination
 * must know before handing the text to a database that would reject the whole batch over one bad
 * value. Accepts what well_known_types.yaml defines (ISO 8601 with {@code T}, optional fraction,
 * {@code Z} or an offset, optional {@code BC} era) and the space separator PostgreSQL prints.
 */
public final class ValueText {

  private ValueText() {}

  public static boolean isValid(AirbyteType type, CharSequence text) {
    char[] chars = text.toString().toCharArray();
    return isValid(type, chars, 0, chars.length);
  }

  /** Whether {@code text[offset, offset+length)} is a valid textual value of {@code type}. */
  public static boolean isValid(AirbyteType type, char[] text, int offset, int length) {
    return switch (type) {
      case DATE -> new Cursor(text, offset, length).date() && endsWithEra(text, offset, length);
      case TIMESTAMP_WITH_TIMEZONE -> timestamp(text, offset, length, true);
      case TIMESTAMP_WITHOUT_TIMEZONE -> timestamp(text, offset, length, false);
      case TIME_WITH_TIMEZONE -> time(text, offset, length, true);
      case TIME_WITHOUT_TIMEZONE -> time(text, offset, length, false);
      case INTEGER -> isLong(text, offset, length);
      case NUMBER -> isNumber(text, offset, length);
      case BOOLEAN -> isBoolean(text, offset, length);
      default -> true;
    };
  }

  /** An optional sign and digits that fit in a signed 64-bit integer. */
  public static boolean isLong(char[] c, int offset, int length) {
    int i = offset;
    int end = offset + length;
    boolean negative = i < end && c[i] == '-';
    if (negative || (i < end && c[i] == '+')) {
      i++;
    }
    if (i == end) {
      return false;
    }
    while (i < end - 1 && c[i] == '0') {
      i++; // leading zeros do not count towards the range
    }
    for (int k = i; k < end; k++) {
      if (!isDigit(c[k])) {
        return false;
      }
    }
    int digits = end - i;
    if (digits != 19) {
      return digits < 19;
    }
    String limit = negative ? "9223372036854775808" : "9223372036854775807";
    for (int k = 0; k < 19; k++) {
      if (c[i + k] != limit.charAt(k)) {
        return c[i + k] < limit.charAt(k);
      }
    }
    return true;
  }

  /** JSON number syntax (also {@code +}, a leading {@code .}), or NaN / Infinity / -Infinity. */
  public static boolean isNumber(char[] c, int offset, int length) {
    if (length >= 3 && length <= 9 && (c[offset] == 'N' || c[offset] == 'I' || c[offset + 1] == 'I')) {
      String special = new String(c, offset, length);
      return special.equals("NaN") || special.equals("Infinity") || special.equals("-Infinity")
          || special.equals("+Infinity");
    }
    int i = offset;
    int end = offset + length;
    if (i < end && (c[i] == '-' || c[i] == '+')) {
      i++;
    }
    int digits = 0;
    while (i < end && isDigit(c[i])) {
      i++;
      digits++;
    }
    if (i < end && c[i] == '.') {
      i++;
      while (i < end && isDigit(c[i])) {
        i++;
        digits++;
      }
    }
    if (digits == 0) {
      return false;
    }
    if (i < end && (c[i] == 'e' || c[i] == 'E')) {
      i++;
      if (i < end && (c[i] == '-' || c[i] == '+')) {
        i++;
      }
      int exponent = 0;
      while (i < end && isDigit(c[i])) {
        i++;
        exponent++;
      }
      if (exponent == 0) {
        return false;
      }
    }
    return i == end;
  }

  public static boolean isBoolean(char[] c, int offset, int length) {
    String s = new String(c, offset, length);
    return s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false");
  }

  private static boolean timestamp(char[] c, int offset, int length, boolean zoned) {
    Cursor cursor = new Cursor(c, offset, length);
    if (!cursor.date()) {
      return false;
    }
    if (!cursor.accept('T') && !cursor.accept('t') && !cursor.accept(' ')) {
      return false;
    }
    if (!cursor.clock()) {
      return false;
    }
    boolean hasZone = cursor.zone();
    if (hasZone && !zoned) {
      return false;
    }
    cursor.era();
    return cursor.atEnd();
  }

  private static boolean time(char[] c, int offset, int length, boolean zoned) {
    Cursor cursor = new Cursor(c, offset, length);
    if (!cursor.clock()) {
      return false;
    }
    boolean hasZone = cursor.zone();
    return (zoned || !hasZone) && cursor.atEnd();
  }

  private static boolean endsWithEra(char[] c, int offset, int length) {
    Cursor cursor = new Cursor(c, offset, length);
    cursor.date();
    cursor.era();
    return cursor.atEnd();
  }

  private static boolean isDigit(char ch) {
    return ch >= '0' && ch <= '9';
  }

  /** A forward-only reader over the characters. */
  private static final class Cursor {
    private final char[] c;
    private final int end;
    private int i;

    Cursor(char[] c, int offset, int length) {
      this.c = c;
      this.i = offset;
      this.end = offset + length;
    }

    boolean atEnd() {
      return i == end;
    }

    boolean accept(char ch) {
      if (i < end && c[i] == ch) {
        i++;
        return true;
      }
      return false;
    }

    /** A number of exactly {@code n} digits, or -1. */
    int digits(int n) {
      if (i + n > end) {
        return -1;
      }
      int v = 0;
      for (int k = 0; k < n; k++) {
        char ch = c[i + k];
        if (!isDigit(ch)) {
          return -1;
        }
        v = v * 10 + (ch - '0');
      }
      i += n;
      return v;
    }

    /** YYYY[YY]-MM-DD, a real calendar date (29 February only in leap years). */
    boolean date() {
      int start = i;
      while (i < end && isDigit(c[i])) {
        i++;
      }
      int yearDigits = i - start;
      if (yearDigits < 4 || yearDigits > 6) {
        return false;
      }
      int year = 0;
      for (int k = start; k < i; k++) {
        year = year * 10 + (c[k] - '0');
      }
      if (!accept('-')) {
        return false;
      }
      int month = digits(2);
      if (month < 1 || month > 12 || !accept('-')) {
        return false;
      }
      int day = digits(2);
      return day >= 1 && day <= daysIn(year, month);
    }

    /** HH:MM[:SS[.fraction]] with 24:00:00 allowed, as PostgreSQL does. */
    boolean clock() {
      int hour = digits(2);
      if (hour < 0 || hour > 24 || !accept(':')) {
        return false;
      }
      int minute = digits(2);
      if (minute < 0 || minute > 59) {
        return false;
      }
      int second = 0;
      if (accept(':')) {
        second = digits(2);
        if (second < 0 || second > 60) {
          return false;
        }
        if (accept('.')) {
          int start = i;
          while (i < end && isDigit(c[i])) {
            i++;
          }
          if (i == start) {
            return false;
          }
        }
      }
      return hour < 24 || (minute == 0 && second == 0);
    }

    /** Z, or ±HH, ±HHMM, ±HH:MM; false when there is no zone. */
    boolean zone() {
      if (accept('Z') || accept('z')) {
        return true;
      }
      if (i < end && (c[i] == '+' || c[i] == '-')) {
        i++;
        int hours = digits(2);
        if (hours < 0 || hours > 15) {
          i = end + 1; // makes atEnd() false: a broken offset is not a valid value
          return true;
        }
        accept(':');
        if (i < end && isDigit(c[i])) {
          int minutes = digits(2);
          if (minutes < 0 || minutes > 59) {
            i = end + 1;
          }
        }
        return true;
      }
      return false;
    }

    void era() {
      if (i + 3 == end && c[i] == ' ' && c[i + 1] == 'B' && c[i + 2] == 'C') {
        i = end;
      }
    }

    private static int daysIn(int year, int month) {
      return switch (month) {
        case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
        case 4, 6, 9, 11 -> 30;
        default -> 31;
      };
    }
  }
}
