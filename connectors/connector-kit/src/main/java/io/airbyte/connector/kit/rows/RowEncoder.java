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
import io.airbyte.protocol.rows.CopyTextRow;
import io.airbyte.protocol.rows.RowValueKind;
import io.airbyte.protocol.rows.StreamDeclaration;
import io.airbyte.protocol.rows.TypedRows;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
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
  private final String unchangedMetaJson;
  private final SplittableRandom random = new SplittableRandom();
  private final char[] scratch = new char[40];
  private long lastExtractedAtMillis = Long.MIN_VALUE;
  private char[] lastExtractedAt;
  private long sequence;
  private Long emittedAt;
  private boolean dataRead;
  private StreamDeclaration lastDeclaration;
  private int[] columnOfField;
  private char[] chars = new char[256];
  private static final char[] TRUE = "true".toCharArray();
  private static final char[] FALSE = "false".toCharArray();

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
    this.unchangedMetaJson = meta.json();
    text(unchangedMeta, unchangedMetaJson);
    this.generation = Long.toString(generationId).toCharArray();
    this.withSequence = withSequence;
  }

  /** The {@code _airbyte_meta} of every row without changes, as JSON: a table's default for rows written without it. */
  public String unchangedMeta() {
    return unchangedMetaJson;
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

  /**
   * Reads a typed row's values into this encoder's column values (see {@link
   * io.airbyte.protocol.codec.TypedRowHandler}): each value is taken as the JSON value its kind
   * stands for, so a row lands exactly as the same record in JSON would, casts and changes included.
   */
  public void readRow(StreamDeclaration stream, CopyTextRow row) throws IOException {
    if (stream != lastDeclaration) {
      columnOfField = new int[stream.fields().size()];
      for (int k = 0; k < columnOfField.length; k++) {
        Integer column = index.get(stream.fields().get(k));
        columnOfField[k] = column == null ? -1 : column;
      }
      lastDeclaration = stream;
    }
    startRow();
    for (int k = 0; k < columnOfField.length; k++) {
      int i = columnOfField[k];
      int field = TypedRows.FIRST_VALUE + k;
      if (i < 0 || row.isNull(field)) {
        continue;
      }
      Bytes value = values[i];
      value.clear();
      present[i] = typedValue(i, stream.kinds().get(k), row, field, value);
    }
    dataRead = true;
  }

  private boolean typedValue(int i, RowValueKind kind, CopyTextRow row, int field, Bytes value) throws IOException {
    byte[] bytes;
    int start;
    int end;
    if (row.plain(field)) {
      bytes = row.array();
      start = row.start(field);
      end = row.end(field);
    } else {
      bytes = row.scratch();
      start = 0;
      end = row.unescape(field);
    }
    if (kind == RowValueKind.JSON) {
      int first = start;
      while (first < end && (bytes[first] == ' ' || bytes[first] == '\t' || bytes[first] == '\n' || bytes[first] == '\r')) {
        first++;
      }
      if (first < end && (bytes[first] == '{' || bytes[first] == '[')) {
        return container(i, bytes[first] == '{' ? JsonToken.START_OBJECT : JsonToken.START_ARRAY, ByteBuffer.wrap(bytes),
            first, end, value);
      }
      try (JsonParser p = Jsons.mapper().createParser(bytes, start, end - start)) {
        JsonToken token = p.nextToken();
        if (token == null || token == JsonToken.VALUE_NULL) {
          return false;
        }
        return scalar(i, token, p.getTextCharacters(), p.getTextOffset(), p.getTextLength(), value);
      }
    }
    int length = utf16(bytes, start, end);
    JsonToken token = switch (kind) {
      case INTEGER -> JsonToken.VALUE_NUMBER_INT;
      case NUMBER -> numberToken(chars, length);
      case BOOLEAN -> length > 0 && chars[0] == 't' ? JsonToken.VALUE_TRUE : JsonToken.VALUE_FALSE;
      default -> JsonToken.VALUE_STRING;
    };
    if (kind == RowValueKind.BOOLEAN) {
      char[] literal = token == JsonToken.VALUE_TRUE ? TRUE : FALSE;
      return scalar(i, token, literal, 0, literal.length, value);
    }
    return scalar(i, token, chars, 0, length, value);
  }

  /** How a JSON parser would see a number's text: an integer, a float, or a string (NaN, Infinity). */
  private static JsonToken numberToken(char[] text, int length) {
    if (length == 0) {
      return JsonToken.VALUE_STRING;
    }
    boolean integer = true;
    for (int k = 0; k < length; k++) {
      char c = text[k];
      if (c >= '0' && c <= '9' || (k == 0 && c == '-' && length > 1)) {
        continue;
      }
      if (c != '.' && c != 'e' && c != 'E' && c != '+' && c != '-') {
        return JsonToken.VALUE_STRING;
      }
      integer = false;
    }
    return integer ? JsonToken.VALUE_NUMBER_INT : JsonToken.VALUE_NUMBER_FLOAT;
  }

  /** Decodes UTF-8 into {@link #chars}; returns the number of chars. */
  private int utf16(byte[] bytes, int start, int end) {
    if (chars.length < end - start) {
      chars = new char[Math.max(end - start, chars.length * 2)];
    }
    int at = 0;
    for (int k = start; k < end; k++) {
      byte b = bytes[k];
      if (b < 0) {
        String rest = new String(bytes, k, end - k, StandardCharsets.UTF_8);
        rest.getChars(0, rest.length(), chars, at);
        return at + rest.length();
      }
      chars[at++] = (char) b;
    }
    return at;
  }

  /** Appends one row for {@code record} to {@code out}: its data was read by {@link #readData}, or is read now. */
  public void encode(AirbyteRecordMessage record, Bytes out) throws IOException {
    prepare(record);
    write(out, false);
  }

  /**
   * Takes {@code record} as the row to write next (its data read by {@link #readData}, or read now)
   * and works out its {@code _airbyte_meta}.
   *
   * @return whether its meta has changes, i.e. differs from {@link #unchangedMeta}
   */
  public boolean prepare(AirbyteRecordMessage record) throws IOException {
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
    emittedAt = record.getEmittedAt();
    return meta.hasChanges();
  }

  /**
   * Appends the row of the record {@link #prepare}d last to {@code out}.
   *
   * @param constantsOmitted without {@code _airbyte_meta} and {@code _airbyte_generation_id} (the
   *     table's defaults give them: see {@link #unchangedMeta}); only for a record without changes
   */
  public void write(Bytes out, boolean constantsOmitted) {
    if (constantsOmitted && meta.hasChanges()) {
      throw new IllegalStateException("a row whose _airbyte_meta has changes needs its meta column");
    }
    byte separator = format.fieldSeparator();
    writeRawId(out);
    out.put(separator);
    char[] extractedAt = extractedAt(emittedAt);
    format.temporal(out, AirbyteType.TIMESTAMP_WITH_TIMEZONE, extractedAt, 0, extractedAt.length);
    if (!constantsOmitted) {
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
    }
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
        present[i] = scalar(i, token, p.getTextCharacters(), p.getTextOffset(), p.getTextLength(), value);
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
    int start = (int) p.currentTokenLocation().getByteOffset();
    p.skipChildren();
    return container(i, token, bytes, start, (int) p.currentLocation().getByteOffset(), value);
  }

  /** An object or array, its JSON text at {@code start..end} of {@code bytes}. */
  private boolean container(int i, JsonToken token, ByteBuffer bytes, int start, int end, Bytes value) {
    AirbyteType type = types[i];
    boolean fits = type == AirbyteType.JSON || type == AirbyteType.STRING
        || (type == AirbyteType.OBJECT && token == JsonToken.START_OBJECT)
        || (type == AirbyteType.ARRAY && token == JsonToken.START_ARRAY);
    if (!fits) {
      return typecastError(i);
    }
    if (format.json(value, bytes, start, end) && type != AirbyteType.STRING) {
      failed[i] = Reason.DESTINATION_SERIALIZATION_ERROR;
      return false;
    }
    return true;
  }

  private boolean scalar(int i, JsonToken token, char[] text, int offset, int length, Bytes value) {
    AirbyteType type = types[i];
    switch (type) {
      case STRING -> {
        truncated[i] = format.text(value, text, offset, length);
        return true;
      }
      case BOOLEAN -> {
        if (token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE) {
          format.bool(value, token == JsonToken.VALUE_TRUE);
          return true;
        }
        if (token == JsonToken.VALUE_STRING
            && ValueText.isBoolean(text, offset, length)) {
          format.bool(value, Character.toLowerCase(text[offset]) == 't');
          return true;
        }
        return typecastError(i);
      }
      case INTEGER -> {
        if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_STRING) {
          if (ValueText.isLong(text, offset, length)) {
            format.plain(value, text, offset, length);
            return true;
          }
          return typecastError(i);
        }
        if (token == JsonToken.VALUE_NUMBER_FLOAT) {
          BigDecimal decimal = new BigDecimal(text, offset, length);
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
                && ValueText.isNumber(text, offset, length))) {
          format.plain(value, text, offset, length);
          return true;
        }
        return typecastError(i);
      }
      case DATE, TIMESTAMP_WITH_TIMEZONE, TIMESTAMP_WITHOUT_TIMEZONE, TIME_WITH_TIMEZONE, TIME_WITHOUT_TIMEZONE -> {
        if (token == JsonToken.VALUE_STRING
            && ValueText.isValid(type, text, offset, length)) {
          format.temporal(value, type, text, offset, length);
          return true;
        }
        return typecastError(i);
      }
      case OBJECT, ARRAY -> {
        return typecastError(i);
      }
      case JSON -> {
        return jsonScalar(i, token, text, offset, length, value);
      }
      default -> throw new IllegalStateException("unhandled type " + type);
    }
  }

  /** A scalar in a JSON column: its JSON text (strings quoted and escaped as JSON). */
  private boolean jsonScalar(int i, JsonToken token, char[] text, int offset, int length, Bytes value) {
    if (token != JsonToken.VALUE_STRING) {
      format.text(value, text, offset, length);
      return true;
    }
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
