package io.airbyte.db.settings;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The parsers the platform's settings use; each refusal says what the text is not. */
public final class Parsers {

  private Parsers() {}

  /** The text as it is (passwords keep their spaces). */
  public static Setting.Parser<String> text() {
    return text -> text;
  }

  /** The text without surrounding spaces. */
  public static Setting.Parser<String> trimmed() {
    return String::trim;
  }

  public static Setting.Parser<Integer> wholeNumber() {
    return text -> {
      try {
        return Integer.parseInt(text.trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("is not a whole number");
      }
    };
  }

  /** A whole number of at least 1. */
  public static Setting.Parser<Integer> positiveWholeNumber() {
    return wholeNumberAtLeast(1);
  }

  /** A whole number of at least 0. */
  public static Setting.Parser<Integer> nonNegativeWholeNumber() {
    return wholeNumberAtLeast(0);
  }

  private static Setting.Parser<Integer> wholeNumberAtLeast(int least) {
    Setting.Parser<Integer> whole = wholeNumber();
    return text -> {
      int value = whole.parse(text);
      if (value < least) {
        throw new IllegalArgumentException("is not a whole number of at least " + least);
      }
      return value;
    };
  }

  public static Setting.Parser<Long> longNumber() {
    return text -> {
      try {
        return Long.parseLong(text.trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("is not a whole number");
      }
    };
  }

  public static Setting.Parser<Path> path() {
    return text -> {
      try {
        return Path.of(text.trim());
      } catch (InvalidPathException e) {
        throw new IllegalArgumentException("is not a path: " + e.getReason());
      }
    };
  }

  /** {@code true} only for {@code true} (any case); anything else is {@code false}. */
  public static Setting.Parser<Boolean> onlyTrueIsTrue() {
    return text -> "true".equalsIgnoreCase(text.trim());
  }

  /** {@code false} only for {@code false} (any case); anything else is {@code true}. */
  public static Setting.Parser<Boolean> onlyFalseIsFalse() {
    return text -> !"false".equalsIgnoreCase(text.trim());
  }

  /** One of {@code choices}, lower-cased. */
  public static Setting.Parser<String> oneOf(String... choices) {
    Set<String> allowed = Set.of(choices);
    return text -> {
      String value = text.trim().toLowerCase(Locale.ROOT);
      if (!allowed.contains(value)) {
        throw new IllegalArgumentException("is not " + String.join(" or ", Arrays.stream(choices).map(c -> "'" + c + "'").toList()));
      }
      return value;
    };
  }

  /** The trimmed text when it matches {@code regex}, else the refusal "is not {@code what}". */
  public static Setting.Parser<String> matching(String regex, String what) {
    return text -> {
      String value = text.trim();
      if (!value.matches(regex)) {
        throw new IllegalArgumentException("is not " + what);
      }
      return value;
    };
  }

  /** Words separated by spaces ({@code -XX:+UseSerialGC -Xmx256m}). */
  public static Setting.Parser<List<String>> words() {
    return text -> List.of(text.trim().split("\\s+"));
  }
}
