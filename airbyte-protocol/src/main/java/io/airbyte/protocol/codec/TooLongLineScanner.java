package io.airbyte.protocol.codec;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.airbyte.protocol.json.Jsons;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads what a line too long to hold says about itself: the message's {@code type} and a record's
 * {@code stream} and {@code namespace}, wherever they are in the line (Airbyte's Java serializers write
 * the namespace after the data). The line is streamed through a JSON parser that skips every other
 * value without materializing it, so a 100 MB value costs the parser's buffer, not 100 MB.
 */
final class TooLongLineScanner {

  private static final ObjectMapper MAPPER = Jsons.mapper();
  private static final int MAX_NAME_CHARS = 64 * 1024;

  /** What was found; null where the line did not say (or is not JSON). */
  record Head(String type, String namespace, String stream) {}

  private TooLongLineScanner() {}

  static Head scan(InputStream line) {
    String type = null;
    String namespace = null;
    String stream = null;
    try (JsonParser p = MAPPER.createParser(line)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return new Head(null, null, null);
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        JsonToken value = p.nextToken();
        if ("type".equals(field) && value == JsonToken.VALUE_STRING) {
          type = name(p);
        } else if ("record".equals(field) && value == JsonToken.START_OBJECT) {
          while (p.nextToken() == JsonToken.FIELD_NAME) {
            String recordField = p.currentName();
            JsonToken recordValue = p.nextToken();
            if ("stream".equals(recordField) && recordValue == JsonToken.VALUE_STRING) {
              stream = name(p);
            } else if ("namespace".equals(recordField) && recordValue == JsonToken.VALUE_STRING) {
              namespace = name(p);
            } else {
              p.skipChildren(); // a string is skipped by the next token, unread
            }
          }
        } else {
          p.skipChildren();
        }
      }
    } catch (IOException | RuntimeException e) {
      // not JSON (or cut short): keep what was found before
    }
    return new Head(type, namespace, stream);
  }

  /** A name, or null when it is absurdly long (it would have to be held to be read). */
  private static String name(JsonParser p) throws IOException {
    String text = p.getText();
    return text.length() > MAX_NAME_CHARS ? null : text;
  }
}
