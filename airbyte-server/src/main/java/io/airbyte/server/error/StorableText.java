package io.airbyte.server.error;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Text PostgreSQL cannot store: a NUL character (U+0000; neither {@code text} nor {@code jsonb} take
 * it) or half of a surrogate pair (no UTF-8 exists for it: the driver would store a '?' instead).
 * Each finding names where it is, as the API's other errors do ({@code name},
 * {@code configuration.host}, {@code configurations.streams[0].name}).
 */
final class StorableText {

  private StorableText() {}

  /** What is wrong with a string, or null when PostgreSQL can store it. */
  static String problem(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\u0000') {
        return "contains a NUL character (\\u0000), which PostgreSQL cannot store";
      }
      if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return "contains an unpaired surrogate (\\u" + Integer.toHexString(c) + "), which is not text PostgreSQL can store";
      }
    }
    return null;
  }

  /** Every string value and property name of {@code node} PostgreSQL cannot store, by path. */
  static List<String> problems(JsonNode node) {
    List<String> found = new ArrayList<>();
    walk(node, "", found);
    return found;
  }

  private static void walk(JsonNode node, String path, List<String> found) {
    if (node.isTextual()) {
      add(found, path.isEmpty() ? "body" : path, problem(node.textValue()));
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        walk(node.get(i), path + "[" + i + "]", found);
      }
    } else if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        String name = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
        String inName = problem(field.getKey());
        if (inName != null) {
          add(found, path.isEmpty() ? "body" : path, "a property name " + inName);
          continue;
        }
        walk(field.getValue(), name, found);
      }
    }
  }

  private static void add(List<String> found, String path, String problem) {
    if (problem != null) {
      found.add(path + ": " + problem);
    }
  }
}
