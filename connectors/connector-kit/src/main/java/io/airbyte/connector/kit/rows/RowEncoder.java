package io.airbyte.connector.kit.rows;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import io.airbyte.connector.kit.typing.AirbyteType;
import io.airbyte.connector.kit.typing.RecordMeta;
import io.airbyte.connector.kit.typing.ValueText;
import io.airbyte.protocol.json.Jsons;
import io.airbyte.protocol.json.RawJson;
import io.airbyte.protocol.models.AirbyteRecordMessage;
import io.airbyte.protocol.models.AirbyteRecordMessageMetaChange.Reason;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Turns records into rows of a bulk-load text format for one table: {@code _airbyte_raw_id},
 * {@code _airbyte_extracted_at}, {@code _airbyte_meta}, {@code _airbyte_generation_id}, then the
 * stream's columns in table order (and an arrival sequence for staging tables). The data is read
 * with a streaming parser straight from its raw bytes; a value that does not fit its column becomes
 * NULL and a change in {@code _airbyte_meta}, so the database never rejects a batch over one value.
 */
public final class RowEncoder {

  private static final DateTimeFormatter EXTRACTED_AT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS'+00'").withZone(ZoneOffset.UTC);
  private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
  private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

  private final RowFormat format;
  private final String[] names;
  private final AirbyteType[] types;
  private final Map<String, Integer> index = new HashMap<>();
  // the field names met at each position of the last record and their columns (-1: none): records of
  // a stream mostly list their fields in one order, and the parser hands out one String per name
  private final String[] namesAt;
  private final int[] columnsAt;
  private final Bytes[] values;
  private final boolean[] present;
  private final Reason[] failed;
  private final boolean[] truncated;
  private final char[] generation;
  private final boolean withSequence;
  private final RecordMeta meta;
  private final Bytes metaText = new Bytes(256);
  private final Bytes unchangedMeta = new Bytes(64);
  private final SplittableRandom random = new SplittableRandom();
  private final char[] scratch = new char[40];
  private long lastExtractedAtMillis = Long.MIN_VALUE;
  private char[] lastExtractedAt;
  private long sequence;
  private boolean dataRead;

  /**
   * @param columns the stream's columns in table order, with the type their table column holds
   * @param withSequence append an arrival sequence number (staging tables for dedup)
   */
  public RowEncoder(RowFormat format, List<Map.Entry<String, AirbyteType>> columns, Long syncId, long generationId,
      boolean withSequence) {
    this.format = format;
    int n = columns.size();
    this.names = new String[n];
    this.types = new AirbyteType[n];
    this.values = new Bytes[n];
    this.present = new boolean[n];
    this.failed = new Reason[n];
    this.truncated = new boolean[n];
    for (int i = 0; i < n; i++) {
      names[i] = columns.get(i).getKey();
      types[i] = columns.get(i).getValue();
      values[i] = new Bytes(64);
      index.put(names[i], i);
    }
    this.namesAt = new String[n + 16];
    this.columnsAt = new int[n + 16];
    this.meta = new RecordMeta(syncId);
    meta.startRow(null);
    text(unchangedMeta, meta.json());
    this.generation = Long.toString(generationId).toCharArray();
    this.withSequence = withSequence;
  }

  /**
   * Reads a record's data object into this encoder's column values, in the pass that reads the
   * line (see {@link io.airbyte.protocol.codec.RecordDataHandler}).
   *
   * @param p positioned at the data's START_OBJECT; left at its END_OBJECT
   * @param bytes the bytes {@code p} reads, for copying JSON sub-documents
   */
  public void readData(JsonParser p, ByteBuffer bytes) throws IOException {
    startRow();
    readFields(p, bytes);
    dataRead = true;
  }

  /** Appends one row for {@code record} to {@code out}: its data was read by {@link #readData}, or is read now. */
  public void encode(AirbyteRecordMessage record, Bytes out) throws IOException {
    if (record.getConsumedBy() == null || !dataRead) {
      startRow();
      RawJson data = record.getRawData() != null ? record.getRawData()
          : RawJson.of(Jsons.serialize(record.getData() == null ? Jsons.object() : record.getData()));
      try (JsonParser p = data.parser()) {
        if (p.nextToken() == JsonToken.START_OBJECT) {
          readFields(p, data.bytes());
        }
      }
    }
    dataRead = false;
    meta.startRow(record.getMeta());
    for (int i = 0; i < values.length; i++) {
      if (failed[i] != null) {
        meta.nulled(names[i], failed[i]);
      } else if (truncated[i] && present[i]) {
        meta.truncated(names[i], Reason.DESTINATION_SERIALIZATION_ERROR);
      }
    }

    byte separator = format.fieldSeparator();
    writeRawId(out);
    out.put(separator);
    char[] extractedAt = extractedAt(record.getEmittedAt());
    format.temporal(out, AirbyteType.TIMESTAMP_WITH_TIMEZONE, extractedAt, 0, extractedAt.length);
    out.put(separator);
    if (meta.hasChanges()) {
      metaText.clear();
      text(metaText, meta.json());
      out.append(metaText);
    } else {
      out.append(unchangedMeta);
    }
    out.put(separator);
    format.plain(out, generation, 0, generation.length);
    for (int i = 0; i < values.length; i++) {
      out.put(separator);
      if (present[i]) {
        out.append(values[i]);
      } else {
        format.nullValue(out);
      }
    }
    if (withSequence) {
      out.put(separator);
      char[] seq = Long.toString(sequence++).toCharArray();
      format.plain(out, seq, 0, seq.length);
    }
    out.put((byte) '\n');
  }

  private void startRow() {
    for (int i = 0; i < present.length; i++) {
      present[i] = false;
      failed[i] = null;
      truncated[i] = false;
    }
  }

  private void readFields(JsonParser p, ByteBuffer bytes) throws IOException {
    int position = 0;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      int i = column(p.currentName(), position++);
      JsonToken token = p.nextToken();
      if (i < 0) {
        p.skipChildren();
        continue;
      }
      failed[i] = null;
      if (token == JsonToken.VALUE_NULL) {
        present[i] = false;
        continue;
      }
      Bytes value = values[i];
      value.clear();
      if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
        present[i] = container(i, token, p, bytes, value);
      } else {
        present[i] = scalar(i, token, p, value);
      }
    }
  }

  private int column(String name, int position) {
    if (position < namesAt.length && namesAt[position] == name) {
      return columnsAt[position];
    }
    Integer column = index.get(name);
    int i = column == null ? -1 : column;
    if (position < namesAt.length) {
      namesAt[position] = name;
      columnsAt[position] = i;
    }
    return i;
  }

  private boolean container(int i, JsonToken token, JsonParser p, ByteBuffer bytes, Bytes value) throws IOException {
    AirbyteType type = types[i];
    int start = (int) p.currentTokenLocation().getByteOffset();
    p.skipChildren();
    boolean fits = type == AirbyteType.JSON || type == AirbyteType.STRING
        || (type == AirbyteType.OBJECT && token == JsonToken.START_OBJECT)
        || (type == AirbyteType.ARRAY && token == JsonToken.START_ARRAY);
    if (!fits) {
      return typecastError(i);
    }
    int end = (int) p.currentLocation().getByteOffset();
    if (format.json(value, bytes, start, end) && type != AirbyteType.STRING) {
      failed[i] = Reason.DESTINATION_SERIALIZATION_ERROR;
      return false;
    }
    return true;
  }

  private boolean scalar(int i, JsonToken token, JsonParser p, Bytes value) throws IOException {
    AirbyteType type = types[i];
    switch (type) {
      case STRING -> {
        truncated[i] = format.text(value, p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
        return true;
      }
      case BOOLEAN -> {
        if (token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE) {
          format.bool(value, token == JsonToken.VALUE_TRUE);
          return true;
        }
        if (token == JsonToken.VALUE_STRING
            && ValueText.isBoolean(p.getTextCharacters(), p.getTextOffset(), p.getTextLength())) {
          format.bool(value, Character.toLowerCase(p.getTextCharacters()[p.getTextOffset()]) == 't');
          return true;
        }
        return typecastError(i);
      }
      case INTEGER -> {
        if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_STRING) {
          if (ValueText.isLong(p.getTextCharacters(), p.getTextOffset(), p.getTextLength())) {
            format.plain(value, p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
            return true;
          }
          return typecastError(i);
        }
        if (token == JsonToken.VALUE_NUMBER_FLOAT) {
          BigDecimal decimal = p.getDecimalValue();
          if (decimal.stripTrailingZeros().scale() <= 0) {
            BigInteger integer = decimal.toBigInteger();
            if (integer.compareTo(LONG_MIN) >= 0 && integer.compareTo(LONG_MAX) <= 0) {
              char[] digits = integer.toString().toCharArray();
              format.plain(value, digits, 0, digits.length);
              return true;
            }
          }
        }
        return typecastError(i);
      }
      case NUMBER -> {
        if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT
            || (token == JsonToken.VALUE_STRING
                && ValueText.isNumber(p.getTextCharacters(), p.getTextOffset(), p.getTextLength()))) {
          format.plain(value, p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
          return true;
        }
        return typecastError(i);
      }
      case DATE, TIMESTAMP_WITH_TIMEZONE, TIMESTAMP_WITHOUT_TIMEZONE, TIME_WITH_TIMEZONE, TIME_WITHOUT_TIMEZONE -> {
        if (token == JsonToken.VALUE_STRING
            && ValueText.isValid(type, p.getTextCharacters(), p.getTextOffset(), p.getTextLength())) {
          format.temporal(value, type, p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
          return true;
        }
        return typecastError(i);
      }
      case OBJECT, ARRAY -> {
        return typecastError(i);
      }
      case JSON -> {
        return jsonScalar(i, token, p, value);
      }
      default -> throw new IllegalStateException("unhandled type " + type);
    }
  }

  /** A scalar in a JSON column: its JSON text (strings quoted and escaped as JSON). */
  private boolean jsonScalar(int i, JsonToken token, JsonParser p, Bytes value) throws IOException {
    if (token != JsonToken.VALUE_STRING) {
      char[] literal = p.getText().toCharArray();
      format.text(value, literal, 0, literal.length);
      return true;
    }
    char[] text = p.getTextCharacters();
    int offset = p.getTextOffset();
    int length = p.getTextLength();
    for (int k = offset; k < offset + length; k++) {
      if (text[k] == 0) {
        failed[i] = Reason.DESTINATION_SERIALIZATION_ERROR;
        return false;
      }
    }
    char[] escaped = JsonStringEncoder.getInstance().quoteAsString(new String(text, offset, length));
    char[] quoted = new char[escaped.length + 2];
    quoted[0] = '"';
    System.arraycopy(escaped, 0, quoted, 1, escaped.length);
    quoted[quoted.length - 1] = '"';
    format.text(value, quoted, 0, quoted.length);
    return true;
  }

  private boolean typecastError(int i) {
    failed[i] = Reason.DESTINATION_TYPECAST_ERROR;
    return false;
  }

  private void text(Bytes out, String s) {
    char[] chars = s.toCharArray();
    format.text(out, chars, 0, chars.length);
  }

  private char[] extractedAt(Long emittedAt) {
    long millis = emittedAt == null ? System.currentTimeMillis() : emittedAt;
    if (millis != lastExtractedAtMillis) {
      lastExtractedAtMillis = millis;
      lastExtractedAt = EXTRACTED_AT.format(Instant.ofEpochMilli(millis)).toCharArray();
    }
    return lastExtractedAt;
  }

  /** A random (version 4) UUID, from a fast generator: unique enough for row ids, not a secret. */
  private void writeRawId(Bytes out) {
    long msb = (random.nextLong() & ~0xF000L) | 0x4000L;
    long lsb = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    int at = 0;
    at = hex(msb >>> 32, 8, at);
    scratch[at++] = '-';
    at = hex(msb >>> 16, 4, at);
    scratch[at++] = '-';
    at = hex(msb, 4, at);
    scratch[at++] = '-';
    at = hex(lsb >>> 48, 4, at);
    scratch[at++] = '-';
    at = hex(lsb, 12, at);
    format.plain(out, scratch, 0, at);
  }

  private int hex(long value, int digits, int at) {
    for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) {
      int nibble = (int) (value >>> shift) & 0xF;
      scratch[at++] = (char) (nibble < 10 ? '0' + nibble : 'a' + nibble - 10);
    }
    return at;
  }
}
