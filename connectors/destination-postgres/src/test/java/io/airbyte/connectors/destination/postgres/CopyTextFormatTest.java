package io.airbyte.connectors.destination.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.airbyte.connector.kit.rows.Bytes;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CopyTextFormatTest {

  private final Bytes out = new Bytes(4);

  private String written() {
    return new String(out.array(), 0, out.length(), StandardCharsets.UTF_8);
  }

  @Test
  void textEscapesBackslashTabNewlineAndCarriageReturnOnly() {
    char[] text = "a\\b\tc\nd\re\u0001f\u007f\"g, 😀".toCharArray();
    assertThat(CopyTextFormat.INSTANCE.text(out, text, 0, text.length)).isFalse();
    assertThat(written()).isEqualTo("a\\\\b\\tc\\nd\\re\u0001f\u007f\"g, 😀");
  }

  @Test
  void nulCharactersAreLeftOutOfTextAndReported() {
    char[] text = "x\u0000y".toCharArray();
    assertThat(CopyTextFormat.INSTANCE.text(out, text, 0, text.length)).isTrue();
    assertThat(written()).isEqualTo("xy");
  }

  @Test
  void jsonKeepsItsOwnEscapesReadableByCopy() {
    byte[] json = "{\"s\":\"a\\\\b\\n\",\n\t\"u\":\"\\u0000é\"}".getBytes(StandardCharsets.UTF_8);
    assertThat(CopyTextFormat.INSTANCE.json(out, ByteBuffer.wrap(json), 0, json.length)).isTrue();
    assertThat(written()).isEqualTo("{\"s\":\"a\\\\\\\\b\\\\n\",\\n\\t\"u\":\"\\\\u0000é\"}");
  }

  @Test
  void valuesAreTabSeparatedWithBackslashNForNull() {
    CopyTextFormat.INSTANCE.bool(out, false);
    out.put(CopyTextFormat.INSTANCE.fieldSeparator());
    CopyTextFormat.INSTANCE.nullValue(out);
    assertThat(written()).isEqualTo("f\t\\N");
  }
}
