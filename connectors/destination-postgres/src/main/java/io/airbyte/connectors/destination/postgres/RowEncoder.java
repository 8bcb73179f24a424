package io.airbyte.connectors.destination.postgres;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import io.airbyte.protocol.json.Jsons;
import io.airbyte.protocol.json.RawJson;
import io.airbyte.protocol.kit.typing.AirbyteType;
import io.airbyte.protocol.kit.typing.RecordMeta;
import io.airbyte.protocol.kit.typing.ValueText;
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
 * Turns records into rows of COPY text for one table: the Airbyte columns, then the stream's
 * columns in table order. The record's data is read with a streaming parser straight from its raw
 * bytes; a value that does not fit its column becomes NULL and a change in {@code _airbyte_meta}.
 */
final class RowEncoder {

  private static final byte[] NULL = {'\\', 'N'};
  private static final DateTimeFormatter EXTRACTED_AT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS'+00'").withZone(ZoneOffset.UTC);
  private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
  private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

  private final String[] names;
  private final AirbyteType[] types;
  private final Map<String, Integer> index = new HashMap<>();
  private final CopyText[] values;
  private final boolean[] present;
  private final Reason[] failed;
  private final boolean[] truncated;
  private boolean dataRead;
  private final String generation;
  private final boolean withSequence;
  private final RecordMeta meta;
  private final CopyText metaText = new CopyText(256);
  private final CopyText unchangedMeta = new CopyText(64);
  private final SplittableRandom random = new SplittableRandom();
  private long lastExtractedAtMillis = Long.MIN_VALUE;
  private String lastExtractedAt;
  private long sequence;

  /**
   * @param columns the stream's columns in table order, with the type their table column holds
   * @param withSequence append an arrival sequence number (staging tables for dedup)
   */
  RowEncoder(List<Map.Entry<String, AirbyteType>> columns, Long syncId, long generationId, boolean withSequence) {
    int n = columns.size();
    this.names = new String[n];
    this.types = new AirbyteType[n];
    this.values = new CopyText[n];
    this.present = new boolean[n];
    this.failed = new Reason[n];
    this.truncated = new boolean[n];
    for (int i = 0; i < n; i++) {
      names[i] = columns.get(i).getKey();
      types[i] = columns.get(i).getValue();
      values[i] = new CopyText(64);
      index.put(names[i], i);
    }
    this.meta = new RecordMeta(syncId);
    meta.startRow(null);
    unchangedMeta.putEscaped(meta.json());
    this.generation = Long.toString(generationId);
    this.withSequence = withSequence;
  }

  /**
   * Reads a record's data object into this encoder's column values, in the pass that reads the
   * line (see {@link io.airbyte.protocol.codec.RecordDataHandler}).
   *
   * @param p positioned at the data's START_OBJECT; left at its END_OBJECT
   * @param bytes the bytes {@code p} reads, for copying JSON sub-documents
   */
  void readData(JsonParser p, ByteBuffer bytes) throws IOException {
    startRow();
    readFields(p, bytes);
    dataRead = true;
  }

  /** Appends one row for {@code record} to {@code out}: its data was read by {@link #readData}, or is read now. */
  void encode(AirbyteRecordMessage record, CopyText out) throws IOException {
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

    writeRawId(out);
    out.put((byte) '\t');
    out.putAscii(extractedAt(record.getEmittedAt()));
    out.put((byte) '\t');
    if (meta.hasChanges()) {
      metaText.clear();
      metaText.putEscaped(meta.json());
      out.append(metaText);
    } else {
      out.append(unchangedMeta);
    }
    out.put((byte) '\t');
    out.putAscii(generation);
    for (int i = 0; i < values.length; i++) {
      out.put((byte) '\t');
      if (present[i]) {
        out.append(values[i]);
      } else {
        out.put(NULL[0]);
        out.put(NULL[1]);
      }
    }
    if (withSequence) {
      out.put((byte) '\t');
      out.putAscii(Long.toString(sequence++));
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
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      Integer column = index.get(p.currentName());
      JsonToken token = p.nextToken();
      if (column == null) {
        p.skipChildren();
        continue;
      }
      int i = column;
      failed[i] = null;
      if (token == JsonToken.VALUE_NULL) {
        present[i] = false;
        continue;
      }
      CopyText value = values[i];
      value.clear();
      if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
        present[i] = container(i, token, p, bytes, value);
      } else {
        present[i] = scalar(i, token, p, value);
      }
    }
  }

  private boolean container(int i, JsonToken token, JsonParser p, ByteBuffer bytes, CopyText value) throws IOException {
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
    if (value.putEscapedUtf8(bytes, start, end) && type != AirbyteType.STRING) {
      failed[i] = Reason.DESTINATION_SERIALIZATION_ERROR;
      return false;
    }
    return true;
  }

  private boolean scalar(int i, JsonToken token, JsonParser p, CopyText value) throws IOException {
    AirbyteType type = types[i];
    switch (type) {
      case STRING -> {
        truncated[i] = value.putEscaped(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
        return true;
      }
      case BOOLEAN -> {
        if (token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE) {
          value.put((byte) (token == JsonToken.VALUE_TRUE ? 't' : 'f'));
          return true;
        }
        if (token == JsonToken.VALUE_STRING
            && ValueText.isBoolean(p.getTextCharacters(), p.getTextOffset(), p.getTextLength())) {
          value.put((byte) (Character.toLowerCase(p.getTextCharacters()[p.getTextOffset()]) == 't' ? 't' : 'f'));
          return true;
        }
        return typecastError(i);
      }
      case INTEGER -> {
        if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_STRING) {
          if (ValueText.isLong(p.getTextCharacters(), p.getTextOffset(), p.getTextLength())) {
            value.putAscii(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
            return true;
          }
          return typecastError(i);
        }
        if (token == JsonToken.VALUE_NUMBER_FLOAT) {
          BigDecimal decimal = p.getDecimalValue();
          if (decimal.stripTrailingZeros().scale() <= 0) {
            BigInteger integer = decimal.toBigInteger();
            if (integer.compareTo(LONG_MIN) >= 0 && integer.compareTo(LONG_MAX) <= 0) {
              value.putAscii(integer.toString());
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
          value.putAscii(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
          return true;
        }
        return typecastError(i);
      }
      case DATE, TIMESTAMP_WITH_TIMEZONE, TIMESTAMP_WITHOUT_TIMEZONE, TIME_WITH_TIMEZONE, TIME_WITHOUT_TIMEZONE -> {
        if (token == JsonToken.VALUE_STRING
            && ValueText.isValid(type, p.getTextCharacters(), p.getTextOffset(), p.getTextLength())) {
          value.putAscii(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
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

  private boolean jsonScalar(int i, JsonToken token, JsonParser p, CopyText value) throws IOException {
    if (token != JsonToken.VALUE_STRING) {
      value.putAscii(p.getText());
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
    char[] quoted = JsonStringEncoder.getInstance().quoteAsString(new String(text, offset, length));
    value.put((byte) '"');
    value.putEscaped(quoted, 0, quoted.length);
    value.put((byte) '"');
    return true;
  }

  private boolean typecastError(int i) {
    failed[i] = Reason.DESTINATION_TYPECAST_ERROR;
    return false;
  }

  private String extractedAt(Long emittedAt) {
    long millis = emittedAt == null ? System.currentTimeMillis() : emittedAt;
    if (millis != lastExtractedAtMillis) {
      lastExtractedAtMillis = millis;
      lastExtractedAt = EXTRACTED_AT.format(Instant.ofEpochMilli(millis));
    }
    return lastExtractedAt;
  }

  /** A random (version 4) UUID, from a fast generator: unique enough for row ids, not a secret. */
  private void writeRawId(CopyText out) {
    long msb = (random.nextLong() & ~0xF000L) | 0x4000L;
    long lsb = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    hex(out, msb >>> 32, 8);
    out.put((byte) '-');
    hex(out, msb >>> 16, 4);
    out.put((byte) '-');
    hex(out, msb, 4);
    out.put((byte) '-');
    hex(out, lsb >>> 48, 4);
    out.put((byte) '-');
    hex(out, lsb, 12);
  }

  private static void hex(CopyText out, long value, int digits) {
    for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) {
      int nibble = (int) (value >>> shift) & 0xF;
      out.put((byte) (nibble < 10 ? '0' + nibble : 'a' + nibble - 10));
    }
  }
}
