package io.airbyte.connectors.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.airbyte.protocol.json.RawJson;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The second judge itself: Airbyte's protocol models accept a well-formed line and name the ones they refuse. */
@Timeout(value = 20, unit = TimeUnit.MINUTES)
class ProtocolModelsIT {

  @Test
  void refusedLinesAreNamedWithConnectorCommandAndLine(@TempDir Path dir) throws Exception {
    String good = "{\"type\":\"RECORD\",\"record\":{\"stream\":\"users\",\"data\":{\"id\":1},\"emitted_at\":1700000000000}}";
    String noEmittedAt = "{\"type\":\"RECORD\",\"record\":{\"stream\":\"users\",\"data\":{\"id\":2}}}";
    String badStatus = "{\"type\":\"CONNECTION_STATUS\",\"connectionStatus\":{\"status\":\"MAYBE\"}}";
    CapturedLines.start(dir.resolve("batch.tsv"));
    CapturedLines.record(ConnectorJar.SOURCE_POSTGRES, "read", RawJson.of(good));
    CapturedLines.record(ConnectorJar.SOURCE_POSTGRES, "read", RawJson.of(noEmittedAt));
    CapturedLines.record(ConnectorJar.DESTINATION_DUCKDB, "check", RawJson.of(badStatus));
    CapturedLines.Batch batch = CapturedLines.stop();

    ProtocolModels.Result result = ProtocolModels.validate(batch.file);

    assertThat(result.validated()).isEqualTo(3);
    assertThat(result.failures()).hasSize(2);
    ProtocolModels.Failure first = result.failures().get(0);
    assertThat(first.connector()).isEqualTo("source-postgres");
    assertThat(first.command()).isEqualTo("read");
    assertThat(first.line()).isEqualTo(noEmittedAt);
    assertThat(first.lineNumber()).isEqualTo(2);
    assertThat(first.error()).contains("emitted_at");
    ProtocolModels.Failure second = result.failures().get(1);
    assertThat(second.toString()).startsWith("destination-duckdb check, captured line 3: ").contains("status").contains(badStatus);
  }
}
