package io.airbyte.connector.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.airbyte.protocol.ProtocolSchema;
import io.airbyte.protocol.json.Jsons;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bound on a destination's input lines: its default, the environment's override, and the failure it makes. */
class RecordSizeLimitTest {

  private static final String CATALOG = "{\"streams\":[]}";

  @TempDir
  Path dir;

  @Test
  void theEnvironmentSetsTheLimitInBytesOrWithAUnitAndABadValueIsNamed() {
    assertThat(RecordSizeLimit.fromEnvironment(null, 123).bytes()).isEqualTo(123);
    assertThat(RecordSizeLimit.fromEnvironment(" ", 123).origin()).isEqualTo("the destination's default; MAX_RECORD_BYTES sets it");
    assertThat(RecordSizeLimit.fromEnvironment("2048", 1).bytes()).isEqualTo(2048);
    assertThat(RecordSizeLimit.fromEnvironment("512k", 1).bytes()).isEqualTo(512L << 10);
    assertThat(RecordSizeLimit.fromEnvironment("64MB", 1).bytes()).isEqualTo(64L << 20);
    assertThat(RecordSizeLimit.fromEnvironment("1 GiB", 1).bytes()).isEqualTo(1L << 30);
    assertThat(RecordSizeLimit.fromEnvironment("1g", 1).origin()).isEqualTo("set by MAX_RECORD_BYTES");
    for (String bad : List.of("lots", "-5", "0", "12 TB", "99999999999999999999")) {
      assertThatThrownBy(() -> RecordSizeLimit.fromEnvironment(bad, 1)).as(bad)
          .isInstanceOf(ConfigErrorException.class).hasMessageContaining("MAX_RECORD_BYTES='" + bad + "'");
    }
    assertThat(RecordSizeLimit.describe(16L << 20)).isEqualTo("16777216 bytes (16 MB)");
    assertThat(RecordSizeLimit.describe(1000)).isEqualTo("1000 bytes");
  }

  @Test
  void aRecordOverTheLimitStopsTheWriteWithAConfigErrorNamingItsStreamAfterTheEarlierStates() throws Exception {
    String small = "{\"type\":\"RECORD\",\"record\":{\"stream\":\"a\",\"data\":{\"v\":1},\"emitted_at\":1}}";
    String state = "{\"type\":\"STATE\",\"state\":{\"type\":\"LEGACY\",\"data\":{\"n\":1}}}";
    String log = "{\"type\":\"LOG\",\"log\":{\"level\":\"INFO\",\"message\":\"" + "l".repeat(3000) + "\"}}";
    String big = "{\"type\":\"RECORD\",\"record\":{\"namespace\":\"ns\",\"stream\":\"b\",\"data\":{\"v\":\""
        + "x".repeat(3000) + "\"},\"emitted_at\":1}}";
    String input = String.join("\n", small, state, log, big, small, state) + "\n";
    CollectingDestination destination = new CollectingDestination();

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int code = new ConnectorRunner(destination, new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), out,
        Clock.fixed(Instant.EPOCH, ZoneOffset.UTC), Map.of("MAX_RECORD_BYTES", "2k"))
        .run("write", "--config", file("config.json", "{\"path\":\"/tmp/x\"}"), "--catalog", file("catalog.json", CATALOG));

    List<JsonNode> messages = out.toString(StandardCharsets.UTF_8).lines().map(Jsons::deserialize).toList();
    messages.forEach(m -> assertThat(ProtocolSchema.validate("AirbyteMessage", m)).as(m.toString()).isEmpty());
    assertThat(code).isEqualTo(ConnectorRunner.EXIT_FAILED);
    assertThat(destination.records).hasSize(1);
    assertThat(messages.stream().filter(m -> m.get("type").asText().equals("STATE"))).hasSize(1);
    // the long LOG line is skipped with a warning, the long RECORD fails the write
    assertThat(messages.stream().filter(m -> m.at("/log/level").asText().equals("WARN")).map(m -> m.at("/log/message").asText()))
        .anySatisfy(m -> assertThat(m).startsWith("input line 3 (a LOG message) is " + log.length() + " bytes").contains("skipped unread"));
    JsonNode error = messages.stream().filter(m -> m.at("/trace/type").asText().equals("ERROR")).findFirst().orElseThrow()
        .at("/trace/error");
    assertThat(error.get("failure_type").asText()).isEqualTo("config_error");
    assertThat(error.at("/stream_descriptor/namespace").asText()).isEqualTo("ns");
    assertThat(error.at("/stream_descriptor/name").asText()).isEqualTo("b");
    assertThat(error.get("message").asText())
        .startsWith("Input line 4, a RECORD of stream 'ns.b', is " + big.length() + " bytes, more than the 2048 bytes"
            + " this destination takes in one message (set by MAX_RECORD_BYTES)")
        .contains("not committed");
  }

  @Test
  void aDestinationWithoutADefaultOfItsOwnTakesTheKitsDefault() {
    assertThat(new CollectingDestination().maxRecordBytes(Jsons.object())).isEqualTo(RecordSizeLimit.DEFAULT_BYTES);
  }

  private String file(String name, String content) throws Exception {
    return Files.writeString(dir.resolve(name), content).toString();
  }
}
