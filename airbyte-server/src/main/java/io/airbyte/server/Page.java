package io.airbyte.server;

import java.util.List;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** A list response as Airbyte's public API gives it: the items and links to the next and previous pages. */
public record Page<T>(List<T> data, String next, String previous) {

  public static <T> Page<T> of(List<T> data, int limit, int offset) {
    String next = data.size() < limit ? null : link(limit, offset + limit);
    String previous = offset <= 0 ? null : link(limit, Math.max(0, offset - limit));
    return new Page<>(data, next, previous);
  }

  private static String link(int limit, int offset) {
    return ServletUriComponentsBuilder.fromCurrentRequest().replaceQueryParam("limit", limit)
        .replaceQueryParam("offset", offset).toUriString();
  }

  public static void checkPaging(int limit, int offset) {
    if (limit < 1 || limit > 100) {
      throw new IllegalArgumentException("limit must be between 1 and 100, not " + limit);
    }
    if (offset < 0) {
      throw new IllegalArgumentException("offset must not be negative, not " + offset);
    }
  }
}
