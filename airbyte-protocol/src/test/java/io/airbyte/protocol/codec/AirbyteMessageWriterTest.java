package io.airbyte.protocol.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.airbyte.protocol.ProtocolSchema;
import io.airbyte.protocol.json.Jsons;
import io.airbyte.protocol.json.RawJson;
import io.airbyte.protocol.models.AirbyteLogMessage;
import io.airbyte.protocol.models.AirbyteMessage;
import io.airbyte.protocol.models.AirbyteRecordMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class AirbyteMessageWriterTest {

  @Test
  void writesOneMessagePerLineAndOnlyOnFlushReachesTheStream() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    AirbyteMessageWriter writer = new AirbyteMessageWriter(out);
    writer.write(log("one"));
    writer.write(log("two"));
    assertThat(out.size()).as("buffered until flush").isZero();
    writer.flush();
    assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(
        "{\"type\":\"LOG\",\"log\":{\"level\":\"INFO\",\"message\":\"one\"}}\n"
            + "{\"type\":\"LOG\",\"log\":{\"level\":\"INFO\",\"message\":\"two\"}}\n");
  }

  @Test
  void recordDataWrittenStraightIntoTheGeneratorIsAValidMessage() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (AirbyteMessageWriter writer = new AirbyteMessageWriter(out)) {
      writer.writeRecord("public", "users", 1700000000000L, g -> {
        g.writeStartObject();
        g.writeNumberField("id", 7);
        g.writeStringField("name", "a \"quoted\"\nname");
        g.writeEndObject();
      });
      writer.writeRecord(null, "users", 1L, g -> {
        g.writeStartObject();
        g.writeEndObject();
      });
    }
    String[] lines = out.toString(StandardCharsets.UTF_8).split("\n");
    assertThat(lines).hasSize(2);
    JsonNode first = Jsons.deserialize(lines[0]);
    assertThat(ProtocolSchema.validate("AirbyteMessage", first)).isEmpty();
    assertThat(first.at("/record/data/name").asText()).isEqualTo("a \"quoted\"\nname");
    assertThat(Jsons.deserialize(lines[1]).at("/record").has("namespace")).isFalse();
  }

  @Test
  void aRecordThatFailsHalfWayLeavesOneBadLineAndTheNextMessageIsClean() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (AirbyteMessageWriter writer = new AirbyteMessageWriter(out)) {
      assertThatThrownBy(() -> writer.writeRecord(null, "s", 1L, g -> {
        g.writeStartObject();
        g.writeNumberField("id", 1);
        throw new IllegalStateException("column 2 could not be read");
      })).hasMessageContaining("column 2");
      writer.write(log("after"));
    }
    List<ProtocolLine> lines = new ArrayList<>();
    try (AirbyteMessageReader reader = new AirbyteMessageReader(new ByteArrayInputStream(out.toByteArray()))) {
      for (ProtocolLine l = reader.next(); l != null; l = reader.next()) {
        lines.add(l);
      }
    }
    assertThat(lines).hasSize(2);
    assertThat(lines.get(0)).isInstanceOf(ProtocolLine.NotAMessage.class);
    assertThat(((ProtocolLine.Message) lines.get(1)).message().getLog().getMessage()).isEqualTo("after");
  }

  @Test
  void rawDataIsWrittenBackByteForByteEvenWhenLarge() throws IOException {
    String small = "{\"b\": 2,  \"a\": [1.0]}";
    String large = "{\"p\":\"" + "z".repeat(200_000) + "\"}";
    for (String data : List.of(small, large)) {
      AirbyteMessage message = new AirbyteMessage().withType(AirbyteMessage.Type.RECORD)
          .withRecord(new AirbyteRecordMessage().withStream("s").withEmittedAt(5L).withRawData(RawJson.of(data)));
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try (AirbyteMessageWriter writer = new AirbyteMessageWriter(out)) {
        writer.write(log("before"));
        writer.write(message);
        writer.write(log("after"));
      }
      String[] lines = out.toString(StandardCharsets.UTF_8).split("\n");
      assertThat(lines).hasSize(3);
      assertThat(lines[1]).isEqualTo("{\"type\":\"RECORD\",\"record\":{\"stream\":\"s\",\"emitted_at\":5,\"data\":" + data + "}}");
      assertThat(Jsons.deserialize(lines[2]).at("/log/message").asText()).isEqualTo("after");
    }
  }

  @Test
  void concurrentWritersNeverInterleaveWithinALine() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    AirbyteMessageWriter writer = new AirbyteMessageWriter(out);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<?>> futures = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      int thread = t;
      futures.add(pool.submit(() -> {
        for (int i = 0; i < 2000; i++) {
          writer.write(log("thread " + thread + " message " + i + " " + "p".repeat(i % 300)));
        }
        return null;
      }));
    }
    for (Future<?> f : futures) {
      f.get();
    }
    pool.shutdown();
    writer.flush();
    String[] lines = out.toString(StandardCharsets.UTF_8).split("\n");
    assertThat(lines).hasSize(8000);
    for (String line : lines) {
      assertThat(Jsons.deserialize(line).at("/log/message").asText()).startsWith("thread ");
    }
  }

  private static AirbyteMessage log(String text) {
    return new AirbyteMessage().withType(AirbyteMessage.Type.LOG)
        .withLog(new AirbyteLogMessage().withLevel(AirbyteLogMessage.Level.INFO).withMessage(text));
  }
}
