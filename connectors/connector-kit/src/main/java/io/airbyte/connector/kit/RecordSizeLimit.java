package io.airbyte.connector.kit;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The largest input line (one message, a record with all its values) a destination reads. A longer
 * record is never held in memory: its line is skipped as it streams by, and the write fails naming
 * its stream, its size and this limit (see {@link MessageInput}). Each destination has its default
 * ({@link Destination#maxRecordBytes}); the environment variable {@value #VARIABLE} overrides it,
 * in bytes or with a binary unit ({@code 64MB}, {@code 512k}, {@code 1g}).
 *
 * @param bytes the limit
 * @param origin where it comes from, for messages
 */
public record RecordSizeLimit(long bytes, String origin) {

  public static final String VARIABLE = "MAX_RECORD_BYTES";
  /**
   * The kit's default, 16 MB: a record is held about four times on its way to a row (its line, its parsed
   * value, its encoded row and the staging buffer), and a 30 MB record was measured to exhaust the 256 MB heap
   * local connectors run with by default; 16 MB records stay within it.
   */
  public static final long DEFAULT_BYTES = 16L << 20;

  private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*(|b|k|kb|kib|m|mb|mib|g|gb|gib)");

  public RecordSizeLimit {
    if (bytes < 1) {
      throw new IllegalArgumentException("a record size limit must be positive, not " + bytes);
    }
  }

  /** The limit the environment sets, or {@code defaultBytes} when it sets none. */
  public static RecordSizeLimit fromEnvironment(String value, long defaultBytes) {
    if (value == null || value.isBlank()) {
      return new RecordSizeLimit(defaultBytes, "the destination's default; " + VARIABLE + " sets it");
    }
    Matcher m = SIZE.matcher(value.trim().toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      throw new ConfigErrorException(VARIABLE + "='" + value + "' is not a size: give bytes, or a number with KB, MB or GB");
    }
    int shift = switch (m.group(2).isEmpty() ? 'b' : m.group(2).charAt(0)) {
      case 'k' -> 10;
      case 'm' -> 20;
      case 'g' -> 30;
      default -> 0;
    };
    long number;
    try {
      number = Long.parseLong(m.group(1));
    } catch (NumberFormatException e) {
      throw new ConfigErrorException(VARIABLE + "='" + value + "' is too large");
    }
    if (number < 1 || number > (Long.MAX_VALUE >> shift)) {
      throw new ConfigErrorException(VARIABLE + "='" + value + "' must be at least 1 byte and less than 8 EB");
    }
    return new RecordSizeLimit(number << shift, "set by " + VARIABLE);
  }

  /** "16777216 bytes (16 MB)". */
  public static String describe(long bytes) {
    if (bytes >= (1L << 20)) {
      return bytes + " bytes (" + String.format(Locale.ROOT, "%.1f", bytes / (double) (1L << 20)).replace(".0", "") + " MB)";
    }
    return bytes + " bytes";
  }
}
