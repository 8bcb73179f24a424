package io.airbyte.connectors.destination.snowflake;

import static io.airbyte.protocol.testing.Messages.catalog;
import static io.airbyte.protocol.testing.Messages.stream;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.airbyte.protocol.json.Jsons;
import io.airbyte.protocol.models.DestinationSyncMode;
import io.airbyte.protocol.testing.Messages;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 100 MB record, written to the connector's jar run with a 256 MB heap: the write stops at that
 * record with a TRACE ERROR naming its stream, its size and the limit (Snowflake's 16 MB), never with
 * an out-of-memory crash; what both streams committed up to their last echoed state stays, and what
 * came after it is not committed.
 */
class SnowflakeLargeRecordIT {

  private static final String SCHEMA = "{\"type\":\"object\",\"properties\":{\"id\":{\"type\":\"integer\"},\"body\":{\"type\":\"string\"}}}";
  private static final long BODY_BYTES = 100L << 20;

  @TempDir
  Path dir;

  @Test
  void aHundredMegabyteRecordFailsItsStreamByNameWithoutRunningOutOfMemory() throws Exception {
    Fakesnow fakesnow = new Fakesnow();
    var catalog = catalog(stream(null, "small", SCHEMA, DestinationSyncMode.APPEND, null, null, 1, 0),
        stream(null, "big", SCHEMA, DestinationSyncMode.APPEND, null, null, 1, 0));
    Path config = Files.writeString(dir.resolve("config.json"), Jsons.serialize(fakesnow.config()));
    Path catalogFile = Files.writeString(dir.resolve("catalog.json"), Jsons.serialize(catalog));
    String before = new Messages()
        .record(null, "small", "{\"id\":1,\"body\":\"a\"}").record(null, "small", "{\"id\":2,\"body\":\"b\"}")
        .state(null, "small", "{\"n\":2}")
        .record(null, "big", "{\"id\":1,\"body\":\"fits\"}").state(null, "big", "{\"n\":1}")
        .record(null, "small", "{\"id\":3,\"body\":\"after the last state\"}").toString();
    String after = new Messages().record(null, "small", "{\"id\":4,\"body\":\"never read\"}")
        .state(null, "small", "{\"n\":4}").toString();

    Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx256m", "-XX:+ExitOnOutOfMemoryError", "-jar", Path.of("target/destination-snowflake.jar").toAbsolutePath().toString(),
        "write", "--config", config.toString(), "--catalog", catalogFile.toString())
        .redirectError(dir.resolve("stderr.log").toFile())
        .start();
    Thread feeder = new Thread(() -> feed(process.getOutputStream(), before, after));
    feeder.start();
    List<JsonNode> messages = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines()
        .filter(l -> !l.isBlank()).map(Jsons::deserialize).toList();
    assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
    feeder.join();
    String stderr = Files.readString(dir.resolve("stderr.log"));

    assertThat(stderr).doesNotContain("OutOfMemoryError");
    assertThat(process.exitValue()).as(stderr).isEqualTo(1);
    JsonNode error = messages.stream().filter(m -> m.at("/trace/type").asText().equals("ERROR")).findFirst().orElseThrow()
        .at("/trace/error");
    assertThat(error.get("failure_type").asText()).isEqualTo("config_error");
    assertThat(error.at("/stream_descriptor/name").asText()).isEqualTo("big");
    long lineBytes = ("{\"type\":\"RECORD\",\"record\":{\"stream\":\"big\",\"emitted_at\":1,\"data\":{\"id\":2,\"body\":\"\"}}}")
        .length() + BODY_BYTES;
    assertThat(error.get("message").asText())
        .contains("Input line 7, a RECORD of stream 'big', is " + lineBytes + " bytes (100 MB)")
        .contains("more than the 16777216 bytes (16 MB) this destination takes in one message"
            + " (the destination's default; MAX_RECORD_BYTES sets it)")
        .contains("not committed");

    // the states echoed are those whose records were committed, and nothing after them was kept
    assertThat(messages.stream().filter(m -> m.get("type").asText().equals("STATE"))
        .map(m -> m.at("/state/stream/stream_descriptor/name").asText() + "=" + m.at("/state/stream/stream_state/n").asInt()))
        .containsExactly("small=2", "big=1");
    assertThat(fakesnow.strings("SELECT ID FROM AIRBYTE_SCHEMA.SMALL ORDER BY ID")).containsExactly("1", "2");
    assertThat(fakesnow.strings("SELECT BODY FROM AIRBYTE_SCHEMA.BIG")).containsExactly("fits");
  }

  /** The input, the 100 MB record streamed in pieces (the test holds 1 MB of it, not 100). */
  private static void feed(OutputStream stdin, String before, String after) {
    try (stdin) {
      stdin.write(before.getBytes(StandardCharsets.UTF_8));
      stdin.write("{\"type\":\"RECORD\",\"record\":{\"stream\":\"big\",\"emitted_at\":1,\"data\":{\"id\":2,\"body\":\""
          .getBytes(StandardCharsets.UTF_8));
      byte[] chunk = new byte[1 << 20];
      Arrays.fill(chunk, (byte) 'x');
      for (long written = 0; written < BODY_BYTES; written += chunk.length) {
        stdin.write(chunk);
      }
      stdin.write("\"}}}\n".getBytes(StandardCharsets.UTF_8));
      stdin.write(after.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      // the destination stopped reading after the large record: what follows was not needed
    }
  }
}
