package io.airbyte.worker.replication;

import static io.airbyte.worker.replication.EngineHarness.records;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.airbyte.contract.failure.FailureOrigin;
import io.airbyte.contract.failure.FailureType;
import io.airbyte.protocol.testing.Messages;
import io.airbyte.worker.failure.FailureReason;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A source writing a 100 MB record through the engine: the engine never holds the line (it is bounded
 * at 16 MB here), fails the attempt with a reason naming the record's stream, its size and the bound,
 * and keeps the states the destination echoed before it.
 */
@Timeout(300)
class ReplicationLargeRecordIT {

  @TempDir
  Path dir;

  @Test
  void aHundredMegabyteRecordFailsTheAttemptNamingItsStreamAndKeepsTheEchoedStates() throws Exception {
    EngineHarness h = new EngineHarness(dir);
    h.settings = h.settings.withMaxLineBytes(16L << 20);
    String before = records(new Messages(), "users", 1, 2).state("public", "users", "{\"cursor\":2}").toString();
    String bigStart = "{\"type\":\"RECORD\",\"record\":{\"stream\":\"orders\",\"data\":{\"id\":1,\"name\":\"";
    String bigEnd = "\"},\"emitted_at\":1,\"namespace\":\"public\"}}\n";
    long body = 100L << 20;
    String after = records(new Messages(), "users", 3, 3).state("public", "users", "{\"cursor\":3}").toString();
    Path first = Files.writeString(dir.resolve("source-before.jsonl"), before);
    Path fixture = dir.resolve("large-source.jsonl");
    try (OutputStream out = Files.newOutputStream(fixture)) {
      out.write(bigStart.getBytes(StandardCharsets.UTF_8));
      byte[] chunk = new byte[1 << 20];
      Arrays.fill(chunk, (byte) 'x');
      for (long written = 0; written < body; written += chunk.length) {
        out.write(chunk);
      }
      out.write(bigEnd.getBytes(StandardCharsets.UTF_8));
      out.write(after.getBytes(StandardCharsets.UTF_8));
    }

    // the large record comes once the destination has the state before it (and has had a moment to echo it)
    Path received = dir.resolve("destination-input.jsonl");
    ReplicationOutput output = h.run(EngineHarness.JARS.script("cat '" + first + "'; until grep -q '\"STATE\"' '" + received
        + "' 2>/dev/null; do sleep 0.05; done; sleep 1; cat '" + fixture + "'"));

    assertThat(output.status()).isEqualTo(ReplicationStatus.FAILED);
    FailureReason reason = output.failures().get(0);
    assertThat(reason.failureOrigin()).isEqualTo(FailureOrigin.REPLICATION);
    assertThat(reason.failureType()).isEqualTo(FailureType.CONFIG_ERROR);
    assertThat(reason.retryable()).isFalse();
    assertThat(reason.streamDescriptor().getNamespace()).isEqualTo("public");
    assertThat(reason.streamDescriptor().getName()).isEqualTo("orders");
    long lineBytes = bigStart.length() + body + bigEnd.length() - 1;
    assertThat(reason.externalMessage())
        .contains("Line 4 of the source's output, a RECORD of stream 'public.orders', is " + lineBytes + " bytes")
        .contains("more than the " + (16L << 20) + " bytes");
    // the destination got what came before the record and nothing of it; its echoed state is kept
    List<JsonNode> input = h.destinationInput();
    assertThat(input).extracting(n -> n.get("type").asText()).startsWith("RECORD", "RECORD", "STATE");
    assertThat(input).noneMatch(n -> n.path("record").path("stream").asText().equals("orders"));
    assertThat(h.persistence.current("connection-1").messages())
        .extracting(s -> s.getStream().getStreamState().get("cursor").asInt()).containsExactly(2);
  }
}
