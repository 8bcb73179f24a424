package io.airbyte.server.error;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * The name every resource of the API carries (workspace, source, destination, connection,
 * application, definition): when a body gives one, at its top level, it is not empty and at most
 * {@link #MAX_LENGTH} characters, on create and on update alike (a page of the UI shows it whole).
 */
final class Names {

  static final int MAX_LENGTH = 256;

  private Names() {}

  /** The problem with {@code body}'s {@code name}, as an {@code errors[]} entry; null when there is none. */
  static String problem(JsonNode body) {
    JsonNode name = body == null || !body.isObject() ? null : body.get("name");
    if (name == null || !name.isTextual()) {
      return null; // absent (a PATCH keeps the name), null, or of the wrong type: the reader says so
    }
    String text = name.textValue();
    if (text.isBlank()) {
      return "name: must not be empty";
    }
    int length = text.codePointCount(0, text.length());
    if (length > MAX_LENGTH) {
      return "name: " + length + " characters, at most " + MAX_LENGTH;
    }
    return null;
  }

  static List<String> problems(JsonNode body) {
    String problem = problem(body);
    return problem == null ? List.of() : List.of(problem);
  }
}
