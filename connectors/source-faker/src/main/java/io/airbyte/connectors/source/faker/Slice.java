package io.airbyte.connectors.source.faker;

import com.fasterxml.jackson.core.JsonGenerator;
import io.airbyte.protocol.json.Jsons;
import io.airbyte.protocol.json.RawJson;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The RECORD lines of a range of units of a stream, made in one piece (on any thread): the reader
 * writes slices in order, so the output is the same however many threads make them.
 */
record Slice(RawJson lines, long records, String maxUpdatedAt, long endUnit) {

  static Slice make(FakeStream stream, long seed, long fromUnit, long toUnit, String updatedAtOverride, long emittedAt) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream((int) Math.min(1 << 24, (toUnit - fromUnit) * 300));
    long[] records = {0};
    String[] max = {null};
    try (JsonGenerator g = Jsons.mapper().createGenerator(bytes)) {
      g.setRootValueSeparator(null);
      for (long unit = fromUnit; unit < toUnit; unit++) {
        stream.generate(seed, unit, updatedAtOverride, (updatedAt, data) -> {
          if (records[0] > 0) {
            g.writeRaw('\n');
          }
          g.writeStartObject();
          g.writeStringField("type", "RECORD");
          g.writeObjectFieldStart("record");
          g.writeStringField("stream", stream.name());
          g.writeNumberField("emitted_at", emittedAt);
          g.writeFieldName("data");
          data.write(g);
          g.writeEndObject();
          g.writeEndObject();
          records[0]++;
          if (max[0] == null || updatedAt.compareTo(max[0]) > 0) {
            max[0] = updatedAt;
          }
        });
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot make the records of " + stream.name(), e);
    }
    byte[] content = bytes.toByteArray();
    return new Slice(new RawJson(content, 0, content.length), records[0], max[0], toUnit);
  }
}
