package io.airbyte.connector.kit;

import static org.assertj.core.api.Assertions.assertThat;

import io.airbyte.protocol.codec.AirbyteMessageWriter;
import io.airbyte.protocol.models.AirbyteMessage;
import io.airbyte.protocol.rows.RowValueKind;
import io.airbyte.protocol.rows.StreamDeclaration;
import io.airbyte.protocol.rows.TypedRowBuilder;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A destination's input with typed rows among JSON lines: rows become records in order; bad lines are counted and told. */
class TypedRowInputTest {

  @Test
  void rowsBecomeRecordsInTheirPlaceAndBadLinesAreSkippedWithAWarning() throws Exception {
    StreamDeclaration users = new StreamDeclaration(4, "public", "users", List.of("id", "name"),
        List.of(RowValueKind.INTEGER, RowValueKind.STRING));
    String input = String.join("\n",
        line(users.toLine()),
        line(new TypedRowBuilder().row(4, 1000).text("1").text("ann").toLine()),
        "{\"type\":\"STATE\",\"state\":{\"type\":\"LEGACY\",\"data\":{\"n\":1}}}",
        line(new TypedRowBuilder().row(5, 1000).text("2").text("bob").toLine()), // no stream line for 5
        line(new TypedRowBuilder().row(4, 1000).text("3").toLine()), // one value short
        line(new TypedRowBuilder().row(4, 1000).text("4").nullValue().toLine()),
        "\u001eS\t7\tbroken",
        "\u001eX\t1") + "\n";
    ByteArrayOutputStream logs = new ByteArrayOutputStream();
    Emitter output = new Emitter(new AirbyteMessageWriter(logs), Clock.systemUTC());
    MessageInput in = new MessageInput(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
        RecordSizeLimit.fromEnvironment(null, 16L << 20), output);
    in.acceptTypedRows();
    List<String> seen = new ArrayList<>();
    for (AirbyteMessage m = in.next(); m != null; m = in.next()) {
      seen.add(m.getType() == AirbyteMessage.Type.RECORD
          ? m.getRecord().getNamespace() + "." + m.getRecord().getStream() + " " + m.getRecord().getEmittedAt() + " "
              + m.getRecord().getData()
          : m.getType().toString());
    }
    output.flush();
    assertThat(seen).containsExactly("public.users 1000 {\"id\":1,\"name\":\"ann\"}", "STATE",
        "public.users 1000 {\"id\":4,\"name\":null}");
    assertThat(in.notAMessageCount()).isEqualTo(4);
    String warnings = logs.toString(StandardCharsets.UTF_8);
    assertThat(warnings).contains("input line 4 is not a message (a row of a stream no stream line declared)")
        .contains("input line 5 is not a message (a row of 1 values where its stream 'users' declares 2)")
        .contains("input line 7 is not a message (a bad stream line")
        .contains("input line 8 is not a message (neither a stream line nor a row)");
  }

  @Test
  void withoutTheOptionTypedRowsAreLinesThatAreNotMessages() throws Exception {
    String input = line(new StreamDeclaration(0, null, "s", List.of(), List.of()).toLine()) + "\n";
    Emitter output = new Emitter(new AirbyteMessageWriter(new ByteArrayOutputStream()), Clock.systemUTC());
    MessageInput in = new MessageInput(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
        RecordSizeLimit.fromEnvironment(null, 16L << 20), output);
    assertThat(in.next()).isNull();
    assertThat(in.notAMessageCount()).isEqualTo(1);
  }

  @Test
  void theCommandLineTakesTheFormatOnlyByItsName() {
    assertThat(Invocation.parse(List.of("read", "--config", "c", "--catalog", "k", "--record-format", "typed-rows-v1")).typedRows())
        .isTrue();
    assertThat(Invocation.parse(List.of("write", "--config", "c", "--catalog", "k")).typedRows()).isFalse();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Invocation.parse(List.of("write", "--config", "c", "--catalog", "k",
        "--record-format", "protobuf"))).hasMessageContaining("unknown record format 'protobuf'");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Invocation.parse(List.of("check", "--config", "c",
        "--record-format", "typed-rows-v1"))).hasMessageContaining("'check' does not take '--record-format'");
  }

  private static String line(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
