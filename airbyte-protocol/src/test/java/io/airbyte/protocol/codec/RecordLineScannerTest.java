package io.airbyte.protocol.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.airbyte.protocol.models.AirbyteMessage;
import io.airbyte.protocol.models.AirbyteRecordMessage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The fast path against the streaming parser: whatever the scanner accepts, the parser reads the same way. */
class RecordLineScannerTest {

  private static final List<String> VALID = List.of(
      "{\"type\":\"RECORD\",\"record\":{\"namespace\":\"public\",\"stream\":\"users\",\"emitted_at\":1700000000000,"
          + "\"data\":{\"id\":1,\"name\":\"Ann\",\"score\":-1.5e-3,\"tags\":[\"a\",{\"b\":[]},null,true,false],\"x\":{}}}}",
      "{\"record\":{\"data\":{\"s\":\"\\\"q\\\" \\\\ \\/ \\b\\f\\n\\r\\t \\u00e9\\uD83D\\uDE00\"},\"stream\":\"s\"},\"type\":\"RECORD\"}",
      " { \"type\" : \"RECORD\" , \"record\" : { \"stream\" : \"s\" , \"namespace\" : null , \"data\" : { \"a\" : [ 1 , 2 ] } } } ",
      "{\"type\":\"RECORD\",\"record\":{\"stream\":\"s\",\"emitted_at\":-0,\"data\":{\"é\":\"ünïcödé ✓ 😀\",\"n\":0,\"m\":10.25E+7}}}",
      "{\"type\":\"RECORD\",\"record\":{\"stream\":\"s\",\"data\":{\"deep\":[[[[[[{\"a\":[[]]}]]]]]]}}}");

  /** Valid lines the scanner leaves to the parser. */
  private static final List<String> LEFT_TO_THE_PARSER = List.of(
      "{\"type\":\"RECORD\",\"record\":{\"stream\":\"s\\u0041\",\"data\":{}}}",
      "{\"type\":\"RECORD\",\"record\":{\"stream\":\"ström\",\"data\":{}}}",
      "{\"type\":\"RECORD\",\"record\":{\"stream\":\"s\",\"data\":{},\"meta\":{\"changes\":[]}}}",
      "{\"type\":\"RECORD\",\"record\":{\"stream\":\"s\",\"emitted_at\":1.7E12,\"data\":{}}}",
      "{\"type\":\"RECORD\",\"record\":{\"stream\":\"s\",\"data\":{\"n\":NaN}}}",
      "{\"type\":\"RECORD\",\"record\":{\"stream\":\"s\",\"data\":{}},\"extra\":1}",
      "{\"type\":\"STATE\",\"state\":{\"type\":\"LEGACY\",\"data\":{}}}");

  private static ProtocolLine parsed(byte[] line) {
    // a handler that takes nothing keeps the streaming parser's path
    return MessageLineParser.parse(line, 1, (namespace, stream, parser, bytes) -> null);
  }

  private static void sameAsTheParser(byte[] line) {
    AirbyteRecordMessage fast = RecordLineScanner.scan(line);
    if (fast == null) {
      return;
    }
    ProtocolLine slow = parsed(line);
    assertThat(slow).as("accepted by the scanner: %s", new String(line, StandardCharsets.UTF_8))
        .isInstanceOf(ProtocolLine.Message.class);
    AirbyteMessage message = ((ProtocolLine.Message) slow).message();
    assertThat(message.getType()).isEqualTo(AirbyteMessage.Type.RECORD);
    assertThat(message.getAdditionalProperties()).isEmpty();
    AirbyteRecordMessage record = message.getRecord();
    assertThat(fast.getStream()).isEqualTo(record.getStream());
    assertThat(fast.getNamespace()).isEqualTo(record.getNamespace());
    assertThat(fast.getEmittedAt()).isEqualTo(record.getEmittedAt());
    assertThat(record.getMeta()).isNull();
    assertThat(record.getAdditionalProperties()).isEmpty();
    assertThat(fast.getRawData().toString()).isEqualTo(record.getRawData().toString());
  }

  @Test
  void plainRecordsTakeTheFastPathAndReadAsTheParserReadsThem() {
    for (String line : VALID) {
      byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
      assertThat(RecordLineScanner.scan(bytes)).as(line).isNotNull();
      sameAsTheParser(bytes);
    }
    ProtocolLine viaReader = MessageLineParser.parse(VALID.get(0).getBytes(StandardCharsets.UTF_8), 3, null);
    assertThat(viaReader).isInstanceOf(ProtocolLine.Message.class);
    assertThat(((ProtocolLine.Message) viaReader).message().getRecord().getData().get("tags").size()).isEqualTo(5);
  }

  @Test
  void otherValidLinesAreLeftToTheParser() {
    for (String line : LEFT_TO_THE_PARSER) {
      byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
      assertThat(RecordLineScanner.scan(bytes)).as(line).isNull();
      assertThat(MessageLineParser.parse(bytes, 1, null)).as(line).isInstanceOf(ProtocolLine.Message.class);
    }
  }

  @Test
  void malformedLinesAreNeverAcceptedAndTheParserGivesTheReason() {
    List<String> bad = List.of(
        "{\"type\":\"RECORD\",\"record\":{\"stream\":\"s\",\"data\":{\"a\":01}}}",
        "{\"type\":\"RECORD\",\"record\":{\"stream\":\"s\",\"data\":{\"a\":1,}}}",
        "{\"type\":\"RECORD\",\"record\":{\"stream\":\"s\",\"data\":{\"a\":\"\\x\"}}}",
        "{\"type\":\"RECORD\",\"record\":{\"stream\":\"s\",\"data\":{\"a\":\"tab\there\"}}}",
        "{\"type\":\"RECORD\",\"record\":{\"stream\":\"s\",\"data\":{\"a\":tru}}}",
        "{\"type\":\"RECORD\",\"record\":{\"stream\":\"s\",\"data\":{\"a\":[1 2]}}}",
        "{\"type\":\"RECORD\",\"record\":{\"stream\":\"s\",\"data\":{\"a\":1}}} x",
        "{\"type\":\"RECORD\",\"record\":{\"stream\":\"s\",\"data\":{\"a\":1}}",
        "{\"type\":\"RECORD\",\"record\":{\"stream\":\"s\",\"data\":[1]}}");
    for (String line : bad) {
      byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
      assertThat(RecordLineScanner.scan(bytes)).as(line).isNull();
      assertThat(MessageLineParser.parse(bytes, 1, null)).as(line).isInstanceOf(ProtocolLine.NotAMessage.class);
    }
    byte[] invalidUtf8 = "{\"type\":\"RECORD\",\"record\":{\"stream\":\"s\",\"data\":{\"a\":\"\"}}}".getBytes(StandardCharsets.UTF_8);
    byte[] withByte = new byte[invalidUtf8.length + 1];
    int quote = new String(invalidUtf8, StandardCharsets.UTF_8).indexOf("\"\"}") + 1;
    System.arraycopy(invalidUtf8, 0, withByte, 0, quote);
    withByte[quote] = (byte) 0xC3; // a lead byte without its continuation
    System.arraycopy(invalidUtf8, quote, withByte, quote + 1, invalidUtf8.length - quote);
    assertThat(RecordLineScanner.scan(withByte)).isNull();
  }

  @Test
  void randomlyDamagedLinesAreReadAsTheParserReadsThemOrLeftToIt() {
    Random random = new Random(42);
    byte[] alphabet = "{}[]\":,\\ -+.eE0123456789truefalsnNaxé\t\u0001".getBytes(StandardCharsets.UTF_8);
    List<byte[]> seeds = new ArrayList<>();
    VALID.forEach(v -> seeds.add(v.getBytes(StandardCharsets.UTF_8)));
    int acceptedDamaged = 0;
    for (int n = 0; n < 50_000; n++) {
      byte[] line = seeds.get(random.nextInt(seeds.size())).clone();
      int edits = 1 + random.nextInt(3);
      for (int e = 0; e < edits; e++) {
        int at = random.nextInt(line.length);
        switch (random.nextInt(3)) {
          case 0 -> line[at] = alphabet[random.nextInt(alphabet.length)];
          case 1 -> {
            byte[] longer = Arrays.copyOf(line, line.length + 1);
            System.arraycopy(line, at, longer, at + 1, line.length - at);
            longer[at] = alphabet[random.nextInt(alphabet.length)];
            line = longer;
          }
          default -> {
            byte[] shorter = new byte[line.length - 1];
            System.arraycopy(line, 0, shorter, 0, at);
            System.arraycopy(line, at + 1, shorter, at, line.length - at - 1);
            line = shorter;
          }
        }
      }
      if (RecordLineScanner.scan(line) != null) {
        acceptedDamaged++;
      }
      sameAsTheParser(line);
    }
    // damage that leaves valid JSON (a digit for a digit, a letter inside a string) still takes the fast path
    assertThat(acceptedDamaged).isGreaterThan(1000);
  }
}
