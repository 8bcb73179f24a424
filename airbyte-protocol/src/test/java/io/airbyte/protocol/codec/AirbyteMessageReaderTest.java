package io.airbyte.protocol.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.airbyte.protocol.models.AirbyteMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AirbyteMessageReaderTest {

  private static final String RECORD = "{\"type\":\"RECORD\",\"record\":{\"stream\":\"s\",\"emitted_at\":1,\"data\":{\"id\":1}}}";

  @ParameterizedTest(name = "{1}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "hello world | not valid JSON",
      "`{\"type\":\"RECORD\",\"record\":{\"stream\":\"s\",\"data\":{\"id\":1}` | not valid JSON",
      "[1, 2, 3] | not a JSON object",
      "42 | not a JSON object",
      "`\"just a string\"` | not a JSON object",
      "`{\"record\":{\"stream\":\"s\",\"data\":{}}}` | no \"type\"",
      "`{\"type\":\"GREETING\"}` | unknown message type \"GREETING\"",
      "`{\"type\":7}` | \"type\" is not a string",
      "`{\"type\":\"RECORD\"}` | RECORD without \"record\"",
      "`{\"type\":\"RECORD\",\"record\":{\"data\":{}}}` | RECORD without \"record.stream\"",
      "`{\"type\":\"RECORD\",\"record\":{\"stream\":\"s\"}}` | RECORD without \"record.data\"",
      "`{\"type\":\"RECORD\",\"record\":{\"stream\":\"s\",\"data\":[1]}}` | \"record.data\" is not an object",
      "`{\"type\":\"RECORD\",\"record\":{\"stream\":\"s\",\"data\":{\"a\":tru}}}` | not valid JSON",
      "`{\"type\":\"RECORD\",\"record\":{\"stream\":1,\"data\":{}}}` | \"record.stream\" is not a string",
      "`{\"type\":\"LOG\",\"log\":{\"level\":\"SHOUT\",\"message\":\"x\"}}` | not valid JSON",
      "`{\"type\":\"LOG\",\"log\":{\"level\":\"INFO\"}}` | LOG without \"log.message\"",
      "`{\"type\":\"STATE\"}` | STATE without \"state\"",
      "`{\"type\":\"TRACE\",\"trace\":{\"emitted_at\":1}}` | TRACE without \"trace.type\"",
      "`{\"type\":\"CONNECTION_STATUS\",\"connectionStatus\":{}}` | CONNECTION_STATUS without \"connectionStatus.status\"",
      "`{\"type\":\"LOG\",\"log\":{\"level\":\"INFO\",\"message\":\"x\"}} {\"type\":\"LOG\"}` | more than one JSON value",
  })
  void aBadLineIsReportedWithItsReasonAndTheStreamGoesOn(String bad, String reason) throws IOException {
    List<ProtocolLine> lines = readAll(RECORD + "\n" + bad + "\n" + RECORD + "\n");
    assertThat(lines).hasSize(3);
    assertThat(lines.get(0)).isInstanceOf(ProtocolLine.Message.class);
    assertThat(lines.get(1)).isInstanceOfSatisfying(ProtocolLine.NotAMessage.class, n -> {
      assertThat(n.line()).isEqualTo(bad);
      assertThat(n.reason()).contains(reason);
      assertThat(n.lineNumber()).isEqualTo(2);
    });
    assertThat(lines.get(2)).isInstanceOf(ProtocolLine.Message.class);
  }

  @Test
  void recordDataIsKeptAsTheExactBytesOfTheLine() throws IOException {
    String data = "{ \"id\" : 1, \"name\": \"é\\u00e9\\\"}\", \"n\": 1.50, \"nested\": {\"a\": [1, {\"b\": null}]} }";
    String line = "{\"type\":\"RECORD\",\"record\":{\"stream\":\"users\",\"namespace\":\"public\",\"data\":" + data
        + ",\"emitted_at\":1700000000000}}";
    ProtocolLine.Message message = (ProtocolLine.Message) readAll(line + "\n").get(0);
    var record = message.message().getRecord();
    assertThat(message.message().getType()).isEqualTo(AirbyteMessage.Type.RECORD);
    assertThat(record.getStream()).isEqualTo("users");
    assertThat(record.getNamespace()).isEqualTo("public");
    assertThat(record.getEmittedAt()).isEqualTo(1700000000000L);
    assertThat(record.getRawData().toString()).isEqualTo(data);
    assertThat(message.line().toString()).isEqualTo(line);
    assertThat(record.getData().get("name").asText()).isEqualTo("éé\"}");
    assertThat(record.getData().get("n").decimalValue()).isEqualByComparingTo("1.50");
    assertThat(record.getData().get("n").toString()).isEqualTo("1.50");
    assertThat(record.getRawData()).as("parsed data replaces the raw bytes").isNull();
  }

  @Test
  void windowsLineEndingsBlankLinesAndAMissingLastNewlineAreHandled() throws IOException {
    List<ProtocolLine> lines = readAll("\r\n" + RECORD + "\r\n   \n\n" + RECORD);
    assertThat(lines).hasSize(2).allSatisfy(l -> assertThat(l).isInstanceOf(ProtocolLine.Message.class));
    assertThat(lines.get(0).lineNumber()).isEqualTo(2);
    assertThat(lines.get(1).lineNumber()).isEqualTo(5);
  }

  @Test
  void linesSpanningReadBuffersAndBlocksAreReassembled() throws IOException {
    StringBuilder input = new StringBuilder();
    List<Integer> sizes = List.of(10, 65_000, 65_536, 70_000, 1_048_576, 2_500_000, 3);
    for (int size : sizes) {
      input.append("{\"type\":\"RECORD\",\"record\":{\"stream\":\"s\",\"emitted_at\":1,\"data\":{\"p\":\"")
          .append("x".repeat(size)).append("\"}}}\r\n");
    }
    // a stream that hands out a few bytes at a time, as a pipe may
    InputStream trickle = new ByteArrayInputStream(input.toString().getBytes(StandardCharsets.UTF_8)) {
      @Override
      public synchronized int read(byte[] b, int off, int len) {
        return super.read(b, off, Math.min(len, 40_000));
      }
    };
    List<ProtocolLine> lines = readAll(trickle);
    assertThat(lines).hasSize(sizes.size());
    for (int i = 0; i < sizes.size(); i++) {
      var record = ((ProtocolLine.Message) lines.get(i)).message().getRecord();
      assertThat(record.getRawData().length()).isEqualTo(sizes.get(i) + 8);
      assertThat(record.getData().get("p").asText()).hasSize(sizes.get(i));
    }
  }

  @Test
  void otherMessageTypesAreParsedIntoTheModel() throws IOException {
    List<ProtocolLine> lines = readAll("""
        {"type":"STATE","state":{"type":"STREAM","stream":{"stream_descriptor":{"name":"s"},"stream_state":{"c":1}},"sourceStats":{"recordCount":2.0}}}
        {"type":"LOG","log":{"level":"WARN","message":"careful"}}
        {"type":"TRACE","trace":{"type":"STREAM_STATUS","emitted_at":1,"stream_status":{"stream_descriptor":{"name":"s"},"status":"COMPLETE"}}}
        """);
    AirbyteMessage state = ((ProtocolLine.Message) lines.get(0)).message();
    assertThat(state.getState().getStream().getStreamState().get("c").asInt()).isEqualTo(1);
    assertThat(state.getState().getSourceStats().getRecordCount()).isEqualTo(2.0);
    assertThat(((ProtocolLine.Message) lines.get(1)).message().getLog().getMessage()).isEqualTo("careful");
    assertThat(((ProtocolLine.Message) lines.get(2)).message().getTrace().getStreamStatus().getStatus().name())
        .isEqualTo("COMPLETE");
  }

  @Test
  void notAMessageExcerptIsShortenedForLogs() {
    var bad = new ProtocolLine.NotAMessage("y".repeat(1000), "not valid JSON", 3);
    assertThat(bad.excerpt(10)).isEqualTo("yyyyyyyyyy… (1000 chars)");
    assertThat(bad.excerpt(5000)).hasSize(1000);
  }

  private static List<ProtocolLine> readAll(String input) throws IOException {
    return readAll(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
  }

  private static List<ProtocolLine> readAll(InputStream input) throws IOException {
    List<ProtocolLine> lines = new ArrayList<>();
    try (AirbyteMessageReader reader = new AirbyteMessageReader(input)) {
      for (ProtocolLine line = reader.next(); line != null; line = reader.next()) {
        lines.add(line);
      }
    }
    return lines;
  }
}
