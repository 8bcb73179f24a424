package io.airbyte.connector.kit.rows;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CsvFormatTest {

  private final Bytes out = new Bytes(4);

  private String written() {
    return new String(out.array(), 0, out.length(), StandardCharsets.UTF_8);
  }

  @Test
  void textIsQuotedWithQuotesDoubledAndUtf8() {
    char[] text = "say \"hi\", 😀 é\n".toCharArray();
    assertThat(CsvFormat.INSTANCE.text(out, text, 0, text.length)).isFalse();
    assertThat(written()).isEqualTo("\"say \"\"hi\"\", 😀 é\n\"");
  }

  @Test
  void nulCharactersAreLeftOutAndReported() {
    char[] text = "a\u0000b".toCharArray();
    assertThat(CsvFormat.INSTANCE.text(out, text, 0, text.length)).isTrue();
    assertThat(written()).isEqualTo("\"ab\"");
  }

  @Test
  void jsonIsQuotedAndANulEscapeReported() {
    byte[] json = "{\"a\":\"x\\\\u0000\",\"b\":\"\\u0000\"}".getBytes(StandardCharsets.UTF_8);
    assertThat(CsvFormat.INSTANCE.json(out, ByteBuffer.wrap(json), 0, 15)).as("an escaped backslash, then u0000").isFalse();
    out.clear();
    assertThat(CsvFormat.INSTANCE.json(out, ByteBuffer.wrap(json), 0, json.length)).isTrue();
    assertThat(written()).isEqualTo("\"{\"\"a\"\":\"\"x\\\\u0000\"\",\"\"b\"\":\"\"\\u0000\"\"}\"");
  }

  @Test
  void nullIsUnquotedAndOtherValuesGoAsTheyAre() {
    CsvFormat.INSTANCE.nullValue(out);
    out.put(CsvFormat.INSTANCE.fieldSeparator());
    CsvFormat.INSTANCE.bool(out, true);
    out.put(CsvFormat.INSTANCE.fieldSeparator());
    char[] date = "2024-02-29".toCharArray();
    CsvFormat.INSTANCE.temporal(out, io.airbyte.connector.kit.typing.AirbyteType.DATE, date, 0, date.length);
    assertThat(written()).isEqualTo("\\N,true,2024-02-29");
  }
}
