package io.airbyte.connectors.destination.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.airbyte.connector.kit.rows.Bytes;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The COPY text PostgreSQL reads: what each value becomes, and whether something had to be left out. */
class CopyTextFormatTest {

  private static String text(String value, boolean nulDropped) {
    Bytes out = new Bytes(4);
    char[] chars = value.toCharArray();
    assertThat(CopyTextFormat.INSTANCE.text(out, chars, 0, chars.length)).as("NUL left out").isEqualTo(nulDropped);
    return new String(out.array(), 0, out.length(), StandardCharsets.UTF_8);
  }

  private static String json(String document, boolean nulEscape) {
    Bytes out = new Bytes(4);
    byte[] bytes = document.getBytes(StandardCharsets.UTF_8);
    assertThat(CopyTextFormat.INSTANCE.json(out, ByteBuffer.wrap(bytes), 0, bytes.length)).as("NUL escape").isEqualTo(nulEscape);
    return new String(out.array(), 0, out.length(), StandardCharsets.UTF_8);
  }

  @Test
  void textEscapesBackslashTabNewlineAndCarriageReturnOnly() {
    assertThat(text("a\\b\tc\nd\re\u0001f\u007f\"g, 😀", false)).isEqualTo("a\\\\b\\tc\\nd\\re\u0001f\u007f\"g, 😀");
    assertThat(text("x\u0000y", true)).isEqualTo("xy");
  }

  @Test
  void jsonKeepsItsOwnEscapesReadableByCopy() {
    assertThat(json("{\"s\":\"a\\\\b\\n\",\n\t\"u\":\"\\u0000é\"}", true))
        .isEqualTo("{\"s\":\"a\\\\\\\\b\\\\n\",\\n\\t\"u\":\"\\\\u0000é\"}");
    assertThat(json("{\"s\":\"\\\\u0000\"}", false)).as("an escaped backslash before u0000").isEqualTo("{\"s\":\"\\\\\\\\u0000\"}");
  }

  @Test
  void valuesAreTabSeparatedWithBackslashNForNull() {
    Bytes out = new Bytes(4);
    CopyTextFormat.INSTANCE.bool(out, false);
    out.put(CopyTextFormat.INSTANCE.fieldSeparator());
    CopyTextFormat.INSTANCE.nullValue(out);
    assertThat(new String(out.array(), 0, out.length(), StandardCharsets.UTF_8)).isEqualTo("f\t\\N");
  }
}
