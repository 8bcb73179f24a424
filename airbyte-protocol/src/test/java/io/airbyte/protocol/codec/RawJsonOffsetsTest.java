package io.airbyte.protocol.codec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.airbyte.protocol.json.RawJson;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Destinations copy JSON sub-values by the byte offsets a parser reports; they must match {@link RawJson#bytes()}. */
class RawJsonOffsetsTest {

  @Test
  void parserOffsetsOfASliceAreRelativeToTheSlice() throws Exception {
    byte[] line = "xxxxxx{\"a\":{\"b\":[1,2]},\"é\":\"x\"}yyyy".getBytes(StandardCharsets.UTF_8);
    RawJson data = new RawJson(line, 6, line.length - 10);
    try (JsonParser p = data.parser()) {
      assertThat(p.nextToken()).isEqualTo(JsonToken.START_OBJECT);
      assertThat(p.nextToken()).isEqualTo(JsonToken.FIELD_NAME);
      assertThat(p.nextToken()).isEqualTo(JsonToken.START_OBJECT);
      int start = (int) p.currentTokenLocation().getByteOffset();
      p.skipChildren();
      int end = (int) p.currentLocation().getByteOffset();
      ByteBuffer bytes = data.bytes();
      byte[] value = new byte[end - start];
      bytes.get(start, value);
      assertThat(new String(value, StandardCharsets.UTF_8)).isEqualTo("{\"b\":[1,2]}");
    }
  }
}
