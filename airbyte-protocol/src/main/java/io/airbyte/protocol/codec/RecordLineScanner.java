package io.airbyte.protocol.codec;

import io.airbyte.protocol.json.RawJson;
import io.airbyte.protocol.models.AirbyteRecordMessage;
import java.nio.charset.StandardCharsets;

/**
 * The fast path for the commonest line of a sync: a RECORD whose envelope holds only {@code type},
 * and {@code record} with {@code stream}, {@code namespace}, {@code emitted_at} and {@code data}.
 * It reads the bytes directly: the envelope's strings must be plain ASCII without escapes,
 * {@code emitted_at} an integer, and {@code data} is checked to be well-formed JSON (strict grammar,
 * UTF-8 in strings) without building tokens or names. Anything else, valid or not, gives null and
 * the streaming parser decides: what this accepts, the streaming parser accepts the same way.
 */
final class RecordLineScanner {

  private static final int MAX_DEPTH = 256;
  private static final int MAX_NUMBER_LENGTH = 1000;

  private final byte[] b;
  private int i;
  private int keyStart;

  private RecordLineScanner(byte[] line) {
    this.b = line;
  }

  /** The record of the line, its data a slice of the line; null when the line is anything else. */
  static AirbyteRecordMessage scan(byte[] line) {
    return new RecordLineScanner(line).message();
  }

  private AirbyteRecordMessage message() {
    ws();
    if (!eat('{')) {
      return null;
    }
    boolean type = false;
    AirbyteRecordMessage record = null;
    do {
      int keyEnd = memberName();
      if (keyEnd < 0) {
        return null;
      }
      int key = keyStart;
      if (is(key, keyEnd, "type") && !type) {
        int value = i;
        int valueEnd = plainString();
        if (valueEnd < 0 || !is(value, valueEnd, "RECORD")) {
          return null;
        }
        type = true;
      } else if (is(key, keyEnd, "record") && record == null) {
        record = record();
        if (record == null) {
          return null;
        }
      } else {
        return null;
      }
      ws();
    } while (eat(','));
    if (!eat('}')) {
      return null;
    }
    ws();
    return type && record != null && i == b.length ? record : null;
  }

  private AirbyteRecordMessage record() {
    if (!eat('{')) {
      return null;
    }
    AirbyteRecordMessage record = new AirbyteRecordMessage();
    boolean namespace = false;
    do {
      int keyEnd = memberName();
      if (keyEnd < 0) {
        return null;
      }
      int key = keyStart;
      if (is(key, keyEnd, "stream") && record.getStream() == null) {
        int value = i;
        int valueEnd = plainString();
        if (valueEnd < 0) {
          return null;
        }
        record.setStream(new String(b, value + 1, valueEnd - value - 2, StandardCharsets.ISO_8859_1));
      } else if (is(key, keyEnd, "namespace") && !namespace) {
        namespace = true;
        if (!literal("null")) {
          int value = i;
          int valueEnd = plainString();
          if (valueEnd < 0) {
            return null;
          }
          record.setNamespace(new String(b, value + 1, valueEnd - value - 2, StandardCharsets.ISO_8859_1));
        }
      } else if (is(key, keyEnd, "emitted_at") && record.getEmittedAt() == null) {
        Long emittedAt = integer();
        if (emittedAt == null) {
          return null;
        }
        record.setEmittedAt(emittedAt);
      } else if (is(key, keyEnd, "data") && record.getRawData() == null) {
        int start = i;
        if (i >= b.length || b[i] != '{' || !value(0)) {
          return null;
        }
        record.setRawData(new RawJson(b, start, i - start));
      } else {
        return null;
      }
      ws();
    } while (eat(','));
    if (!eat('}') || record.getStream() == null || record.getRawData() == null) {
      return null;
    }
    return record;
  }

  /** A JSON value, checked and passed over. */
  private boolean value(int depth) {
    if (i >= b.length) {
      return false;
    }
    switch (b[i]) {
      case '{' -> {
        return container(depth, '}', true);
      }
      case '[' -> {
        return container(depth, ']', false);
      }
      case '"' -> {
        return string();
      }
      case 't' -> {
        return literal("true");
      }
      case 'f' -> {
        return literal("false");
      }
      case 'n' -> {
        return literal("null");
      }
      default -> {
        return number();
      }
    }
  }

  /** An object (members {@code "name": value}) or an array (values), from its opening bracket. */
  private boolean container(int depth, char close, boolean object) {
    if (depth >= MAX_DEPTH) {
      return false;
    }
    i++;
    ws();
    if (eat(close)) {
      return true;
    }
    do {
      ws();
      if (object && (!string() || !colon())) {
        return false;
      }
      if (!value(depth + 1)) {
        return false;
      }
      ws();
    } while (eat(','));
    return eat(close);
  }

  /** A JSON string: escapes as the grammar has them, no control characters, well-formed UTF-8. */
  private boolean string() {
    if (!eat('"')) {
      return false;
    }
    while (i < b.length) {
      int c = b[i++] & 0xff;
      if (c == '"') {
        return true;
      }
      if (c == '\\') {
        if (i >= b.length) {
          return false;
        }
        int e = b[i++];
        if (e == 'u') {
          for (int k = 0; k < 4; k++) {
            if (i >= b.length || Character.digit(b[i++], 16) < 0) {
              return false;
            }
          }
        } else if (e != '"' && e != '\\' && e != '/' && e != 'b' && e != 'f' && e != 'n' && e != 'r' && e != 't') {
          return false;
        }
      } else if (c < 0x20) {
        return false;
      } else if (c >= 0x80) {
        int continuation = c >= 0xC2 && c <= 0xDF ? 1 : c >= 0xE0 && c <= 0xEF ? 2 : c >= 0xF0 && c <= 0xF4 ? 3 : -1;
        if (continuation < 0) {
          return false;
        }
        for (int k = 0; k < continuation; k++) {
          if (i >= b.length || (b[i++] & 0xC0) != 0x80) {
            return false;
          }
        }
      }
    }
    return false;
  }

  /** A string of printable ASCII without escapes; returns the index after its closing quote, or -1. */
  private int plainString() {
    if (!eat('"')) {
      return -1;
    }
    while (i < b.length) {
      byte c = b[i++];
      if (c == '"') {
        return i;
      }
      if (c == '\\' || c < 0x20) {
        return -1;
      }
    }
    return -1;
  }

  /** -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)? */
  private boolean number() {
    int start = i;
    eat('-');
    if (eat('0')) {
      // no leading zeros
    } else if (digits() == 0) {
      return false;
    }
    if (eat('.') && digits() == 0) {
      return false;
    }
    if (eat('e') || eat('E')) {
      if (!eat('+')) {
        eat('-');
      }
      if (digits() == 0) {
        return false;
      }
    }
    return i - start <= MAX_NUMBER_LENGTH;
  }

  private int digits() {
    int start = i;
    while (i < b.length && b[i] >= '0' && b[i] <= '9') {
      i++;
    }
    return i - start;
  }

  /** An integer of up to 18 digits (always a long), or null. */
  private Long integer() {
    boolean negative = eat('-');
    int start = i;
    int n = digits();
    if (n == 0 || n > 18 || (n > 1 && b[start] == '0') || (i < b.length && (b[i] == '.' || b[i] == 'e' || b[i] == 'E'))) {
      return null;
    }
    long value = 0;
    for (int k = start; k < i; k++) {
      value = value * 10 + (b[k] - '0');
    }
    return negative ? -value : value;
  }

  private boolean literal(String word) {
    int n = word.length();
    if (i + n > b.length) {
      return false;
    }
    for (int k = 0; k < n; k++) {
      if (b[i + k] != word.charAt(k)) {
        return false;
      }
    }
    int after = i + n;
    // "nullx" is not null
    if (after < b.length && Character.isLetterOrDigit(b[after])) {
      return false;
    }
    i = after;
    return true;
  }

  /** Reads {@code "name" :} of the envelope; returns the index after the name (which starts at keyStart), or -1. */
  private int memberName() {
    ws();
    keyStart = i;
    int end = plainString();
    return end < 0 || !colon() ? -1 : end;
  }

  private boolean colon() {
    ws();
    if (!eat(':')) {
      return false;
    }
    ws();
    return true;
  }

  /** Whether the string token [start, end) (quotes included) is {@code word}. */
  private boolean is(int start, int end, String word) {
    int n = word.length();
    if (end - start != n + 2) {
      return false;
    }
    for (int k = 0; k < n; k++) {
      if (b[start + 1 + k] != word.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  private boolean eat(char c) {
    if (i < b.length && b[i] == c) {
      i++;
      return true;
    }
    return false;
  }

  private void ws() {
    while (i < b.length) {
      byte c = b[i];
      if (c != ' ' && c != '\t' && c != '\r' && c != '\n') {
        return;
      }
      i++;
    }
  }
}
