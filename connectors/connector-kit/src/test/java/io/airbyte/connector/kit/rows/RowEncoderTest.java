package io.airbyte.connector.kit.rows;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.airbyte.connector.kit.typing.AirbyteType;
import io.airbyte.protocol.json.RawJson;
import io.airbyte.protocol.models.AirbyteRecordMessage;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RowEncoderTest {

  /** Values as they are, '|' between fields, "NULL" for null. */
  private static final RowFormat PLAIN = new RowFormat() {
    @Override
    public byte fieldSeparator() {
      return '|';
    }

    @Override
    public void nullValue(Bytes out) {
      out.putAscii("NULL");
    }

    @Override
    public boolean text(Bytes out, char[] chars, int offset, int length) {
      byte[] b = new String(chars, offset, length).getBytes(StandardCharsets.UTF_8);
      for (byte x : b) {
        out.put(x);
      }
      return false;
    }

    @Override
    public boolean json(Bytes out, ByteBuffer source, int from, int to) {
      for (int i = from; i < to; i++) {
        out.put(source.get(i));
      }
      return false;
    }

    @Override
    public void plain(Bytes out, char[] chars, int offset, int length) {
      out.putAscii(chars, offset, length);
    }

    @Override
    public void temporal(Bytes out, AirbyteType type, char[] chars, int offset, int length) {
      out.putAscii(chars, offset, length);
    }

    @Override
    public void bool(Bytes out, boolean value) {
      out.putAscii(value ? "t" : "f");
    }
  };

  private final RowEncoder encoder = new RowEncoder(PLAIN, List.of(Map.entry("id", AirbyteType.INTEGER),
      Map.entry("name", AirbyteType.STRING), Map.entry("tags", AirbyteType.JSON)), 1L, 7, false);

  /** The stream's columns of the row for {@code data} (after the four Airbyte columns). */
  private List<String> row(String data, boolean readInLinePass) throws Exception {
    AirbyteRecordMessage record = new AirbyteRecordMessage().withStream("s").withEmittedAt(0L);
    RawJson raw = RawJson.of(data);
    if (readInLinePass) {
      try (JsonParser p = raw.parser()) {
        assertThat(p.nextToken()).isEqualTo(JsonToken.START_OBJECT);
        encoder.readData(p, raw.bytes());
      }
      record.setConsumedBy(encoder);
    } else {
      record.setRawData(raw);
    }
    Bytes out = new Bytes(256);
    encoder.encode(record, out);
    String line = new String(out.array(), 0, out.length(), StandardCharsets.UTF_8);
    assertThat(line).endsWith("\n");
    List<String> fields = Arrays.asList(line.substring(0, line.length() - 1).split("\\|", -1));
    return fields.subList(4, fields.size());
  }

  @Test
  void fieldsInAnyOrderAndUnknownFieldsLandInTheirColumnsRecordAfterRecord() throws Exception {
    for (boolean inLinePass : new boolean[] {true, false}) {
      assertThat(row("{\"id\":1,\"name\":\"a\",\"tags\":[1]}", inLinePass)).containsExactly("1", "a", "[1]");
      assertThat(row("{\"id\":2,\"name\":\"b\",\"tags\":[2]}", inLinePass)).containsExactly("2", "b", "[2]");
      // another order, an unknown field where a known one was, a missing one
      assertThat(row("{\"name\":\"c\",\"extra\":{\"id\":9},\"id\":3}", inLinePass)).containsExactly("3", "c", "NULL");
      assertThat(row("{\"extra\":5,\"tags\":{\"k\":1},\"name\":null}", inLinePass)).containsExactly("NULL", "NULL", "{\"k\":1}");
      assertThat(row("{\"id\":4,\"name\":\"d\",\"tags\":[4]}", inLinePass)).containsExactly("4", "d", "[4]");
      // more fields than columns
      assertThat(row("{\"a\":1,\"b\":2,\"c\":3,\"d\":4,\"e\":5,\"f\":6,\"g\":7,\"h\":8,\"i\":9,\"j\":10,\"k\":11,\"l\":12,"
          + "\"m\":13,\"n\":14,\"o\":15,\"p\":16,\"q\":17,\"r\":18,\"s\":19,\"t\":20,\"id\":5,\"name\":\"e\"}", inLinePass))
          .containsExactly("5", "e", "NULL");
      assertThat(row("{}", inLinePass)).containsExactly("NULL", "NULL", "NULL");
    }
  }

  @Test
  void aRowWithoutChangesCanLeaveMetaAndGenerationToTheTableAndARowWithChangesCannot() throws Exception {
    AirbyteRecordMessage clean = new AirbyteRecordMessage().withStream("s").withEmittedAt(0L)
        .withRawData(RawJson.of("{\"id\":1,\"name\":\"a\"}"));
    assertThat(encoder.prepare(clean)).as("no changes").isFalse();
    assertThat(encoder.unchangedMeta()).isEqualTo("{\"sync_id\":1,\"changes\":[]}");
    Bytes out = new Bytes(256);
    encoder.write(out, true);
    List<String> fields = Arrays.asList(new String(out.array(), 0, out.length() - 1, StandardCharsets.UTF_8).split("\\|", -1));
    assertThat(fields).hasSize(5); // raw id, extracted at, then the stream's columns
    assertThat(fields.subList(2, 5)).containsExactly("1", "a", "NULL");

    AirbyteRecordMessage nulled = new AirbyteRecordMessage().withStream("s").withEmittedAt(0L)
        .withRawData(RawJson.of("{\"id\":\"not a number\",\"name\":\"b\"}"));
    assertThat(encoder.prepare(nulled)).as("the id is NULLed: a change").isTrue();
    org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, () -> encoder.write(new Bytes(256), true));
    out.clear();
    encoder.write(out, false);
    fields = Arrays.asList(new String(out.array(), 0, out.length() - 1, StandardCharsets.UTF_8).split("\\|", -1));
    assertThat(fields).hasSize(7);
    assertThat(fields.get(2)).contains("\"field\":\"id\"").contains("NULLED");
    assertThat(fields.get(3)).isEqualTo("7");
  }
}
