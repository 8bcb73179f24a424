package io.airbyte.server.error;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.converter.HttpMessageNotReadableException;

/**
 * Why a request body could not be read, in the user's words: where (the property as a path and a
 * JSON Pointer, or the line and column of a syntax error) and what was expected there, never a Java
 * class name.
 *
 * @param detail the problem's detail
 * @param error the {@code errors[]} entry, {@code path: message} as every other error of the API
 * @param pointer the RFC 6901 pointer into the body ({@code ""} for the whole body)
 * @param line the line of a syntax error (1-based), else null
 * @param column the column of a syntax error (1-based), else null
 */
record UnreadableBody(String detail, String error, String pointer, Integer line, Integer column) {

  static UnreadableBody of(HttpMessageNotReadableException e) {
    Throwable cause = e.getCause();
    boolean endsEarly = cause instanceof JsonProcessingException p && String.valueOf(p.getOriginalMessage()).contains("end-of-input");
    if (cause instanceof JsonParseException || endsEarly) {
      JsonProcessingException syntax = (JsonProcessingException) cause;
      JsonLocation at = syntax.getLocation();
      Integer line = at == null || at.getLineNr() < 1 ? null : at.getLineNr();
      Integer column = at == null || at.getColumnNr() < 1 ? null : at.getColumnNr();
      String where = line == null ? "" : " at line " + line + ", column " + column;
      String what = endsEarly ? "unexpected end of input" : firstLine(syntax.getOriginalMessage());
      return new UnreadableBody("The request body is not valid JSON" + where + ": " + what,
          "body: not valid JSON" + where + ": " + what, "", line, column);
    }
    if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      String path = path(mapping.getPath());
      String expected = cause instanceof MismatchedInputException mismatch ? expected(mismatch.getTargetType()) : null;
      String message;
      if (cause instanceof InvalidFormatException format) {
        message = "'" + format.getValue() + "' is not " + (expected == null ? "a valid value" : expected);
      } else {
        message = expected == null ? "not a valid value" : "expected " + expected;
      }
      return new UnreadableBody("The request body is not valid at " + path + ": " + message, path + ": " + message,
          pointer(mapping.getPath()), null, null);
    }
    if (cause instanceof JsonProcessingException) {
      // the body as a whole is of the wrong kind: an array, a string, a number where an object belongs
      return new UnreadableBody("The request body must be a JSON object", "body: must be a JSON object", "", null, null);
    }
    // no body, an empty one, or the JSON literal null
    return new UnreadableBody("The request body is missing: this endpoint takes a JSON object",
        "body: required, a JSON object", "", null, null);
  }

  private static String path(List<JsonMappingException.Reference> references) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference r : references) {
      if (r.getFieldName() != null) {
        path.append(path.isEmpty() ? "" : ".").append(r.getFieldName());
      } else if (r.getIndex() >= 0) {
        path.append('[').append(r.getIndex()).append(']');
      }
    }
    return path.toString();
  }

  private static String pointer(List<JsonMappingException.Reference> references) {
    StringBuilder pointer = new StringBuilder();
    for (JsonMappingException.Reference r : references) {
      if (r.getFieldName() != null) {
        pointer.append('/').append(r.getFieldName().replace("~", "~0").replace("/", "~1"));
      } else if (r.getIndex() >= 0) {
        pointer.append('/').append(r.getIndex());
      }
    }
    return pointer.toString();
  }

  /** The expected JSON value of a Java target type, in words. */
  private static String expected(Class<?> type) {
    if (type == null) {
      return null;
    }
    if (type == UUID.class) {
      return "a UUID";
    }
    if (type == String.class || type.isEnum()) {
      return "a string";
    }
    if (type == Integer.class || type == int.class || type == Long.class || type == long.class || type == Short.class
        || type == short.class) {
      return "an integer";
    }
    if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
      return "a number";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "true or false";
    }
    if (type.isArray() || Collection.class.isAssignableFrom(type)) {
      return "an array";
    }
    if (JsonNode.class.isAssignableFrom(type)) {
      return "a JSON value";
    }
    if (Map.class.isAssignableFrom(type) || type.isRecord() || !type.getName().startsWith("java.")) {
      return "an object";
    }
    return null;
  }

  /** Jackson's message without its own note of the place (the line and column are given apart). */
  private static String firstLine(String message) {
    String first = message == null ? "" : message.lines().findFirst().orElse("").strip();
    int marker = first.indexOf(" (start marker at");
    return marker < 0 ? first : first.substring(0, marker);
  }
}
