package io.airbyte.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Comparator;

/** JSON equality where numbers are equal by value (1, 1.0 and 1e0 are the same JSON number). */
public final class JsonAssertions {

  private static final Comparator<JsonNode> NUMBERS_BY_VALUE = (a, b) -> {
    if (a.equals(b)) {
      return 0;
    }
    if (a.isNumber() && b.isNumber()) {
      return a.decimalValue().compareTo(b.decimalValue());
    }
    return 1;
  };

  private JsonAssertions() {}

  public static void assertSameJson(JsonNode actual, JsonNode expected) {
    assertThat(actual.equals(NUMBERS_BY_VALUE, expected))
        .as("JSON differs:%n  actual:   %s%n  expected: %s", actual, expected)
        .isTrue();
  }
}
