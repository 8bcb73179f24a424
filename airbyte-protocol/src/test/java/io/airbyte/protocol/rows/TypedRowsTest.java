package io.airbyte.protocol.rows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.airbyte.protocol.codec.AirbyteMessageReader;
import io.airbyte.protocol.codec.AirbyteMessageWriter;
import io.airbyte.protocol.codec.ProtocolLine;
import io.airbyte.protocol.json.Jsons;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TypedRowsTest {

  private static final String AWKWARD = "tab\there\nnew line\r\\ backslash \\N é ✓ 😀";

  @Test
  void aStreamLineCarriesAnyNamesAndKindsThrough() {
    StreamDeclaration stream = new StreamDeclaration(12, null, "na\tme", List.of("id", AWKWARD, ""),
        List.of(RowValueKind.INTEGER, RowValueKind.STRING, RowValueKind.JSON));
    byte[] line = stream.toLine();
    assertThat(line[0]).isEqualTo(TypedRows.MARK);
    assertThat(new String(line, StandardCharsets.UTF_8)).doesNotContain("\n");
    assertThat(TypedRows.ref(line)).isEqualTo(12);
    assertThat(StreamDeclaration.parse(line)).isEqualTo(stream);
    StreamDeclaration renamed = stream.renamed("ns", "other").keeping(Set.of("id", ""));
    assertThat(StreamDeclaration.parse(renamed.toLine())).isEqualTo(new StreamDeclaration(12, "ns", "other", List.of("id", ""),
        List.of(RowValueKind.INTEGER, RowValueKind.JSON)));
    assertThat(stream.positionsKept(Set.of(AWKWARD))).containsExactly(false, true, false);
  }

  @Test
  void aRowKeepsItsValuesNullsAndEmittedAtExactly() {
    TypedRowBuilder builder = new TypedRowBuilder();
    byte[] utf8 = AWKWARD.getBytes(StandardCharsets.UTF_8);
    byte[] line = builder.row(3, 1_700_000_000_123L).text(utf8, 0, utf8.length).nullValue().text("").text("\\N")
        .escaped("-12".getBytes(StandardCharsets.US_ASCII), 0, 3).toLine();
    assertThat(TypedRows.isRow(line)).isTrue();
    assertThat(TypedRows.ref(line)).isEqualTo(3);
    CopyTextRow row = new CopyTextRow();
    row.load(line);
    assertThat(TypedRows.emittedAt(row)).isEqualTo(1_700_000_000_123L);
    assertThat(row.fields()).isEqualTo(TypedRows.FIRST_VALUE + 5);
    assertThat(row.string(3)).isEqualTo(AWKWARD);
    assertThat(row.isNull(4)).isTrue();
    assertThat(row.string(5)).isEmpty();
    assertThat(row.string(6)).as("the text \\N is not NULL").isEqualTo("\\N");
    assertThat(row.string(7)).isEqualTo("-12");
    // a negative and the largest emitted_at, and refs past one digit
    builder.row(Integer.MAX_VALUE, -5);
    row.load(builder.toLine());
    assertThat(TypedRows.emittedAt(row)).isEqualTo(-5);
    assertThat(TypedRows.ref(builder.toLine())).isEqualTo(Integer.MAX_VALUE);
  }

  @Test
  void badLinesAreToldApart() {
    assertThat(TypedRows.ref(new byte[] {TypedRows.MARK, 'R'})).isEqualTo(-1);
    assertThat(TypedRows.ref("\u001eR\tx\t1".getBytes(StandardCharsets.UTF_8))).isEqualTo(-1);
    assertThat(TypedRows.ref("\u001eR\t99999999999\t1".getBytes(StandardCharsets.UTF_8))).isEqualTo(-1);
    assertThatThrownBy(() -> StreamDeclaration.parse("\u001eS\t1\t\\N\tname\tid".getBytes(StandardCharsets.UTF_8)))
        .hasMessageContaining("pairs of field and kind");
    assertThatThrownBy(() -> StreamDeclaration.parse("\u001eS\t1\t\\N\tname\tid\tq".getBytes(StandardCharsets.UTF_8)))
        .hasMessageContaining("unknown kind 'q'");
    assertThatThrownBy(() -> StreamDeclaration.parse("\u001eS\t1\t\\N\t".getBytes(StandardCharsets.UTF_8)))
        .hasMessageContaining("no stream name");
    CopyTextRow row = new CopyTextRow();
    row.load("\u001eR\t1\tsoon\tv".getBytes(StandardCharsets.UTF_8));
    assertThatThrownBy(() -> TypedRows.emittedAt(row)).hasMessageContaining("emitted_at");
  }

  @Test
  void specsDeclareTheFormat() {
    assertThat(TypedRows.declaredBy(Jsons.deserialize("{\"supported_record_formats\": [\"x\", \"typed-rows-v1\"]}"))).isTrue();
    assertThat(TypedRows.declaredBy(Jsons.deserialize("{\"supported_record_formats\": \"typed-rows-v1\"}"))).isFalse();
    assertThat(TypedRows.declaredBy(Jsons.deserialize("{}"))).isFalse();
    assertThat(TypedRows.declaredBy(null)).isFalse();
  }

  @Test
  void theReaderGivesTypedRowsOnlyWhenAskedAndTheWriterWritesThemAsTheyAre() throws Exception {
    byte[] row = new TypedRowBuilder().row(0, 1).text("v").toLine();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (AirbyteMessageWriter writer = new AirbyteMessageWriter(out)) {
      writer.writeRawLine(row, 0, row.length);
      writer.write(new io.airbyte.protocol.models.AirbyteMessage().withType(io.airbyte.protocol.models.AirbyteMessage.Type.LOG)
          .withLog(new io.airbyte.protocol.models.AirbyteLogMessage().withLevel(io.airbyte.protocol.models.AirbyteLogMessage.Level.INFO)
              .withMessage("after")));
    }
    byte[] written = out.toByteArray();
    try (AirbyteMessageReader plain = new AirbyteMessageReader(new ByteArrayInputStream(written))) {
      assertThat(plain.next()).isInstanceOf(ProtocolLine.NotAMessage.class);
      assertThat(plain.next()).isInstanceOf(ProtocolLine.Message.class);
    }
    try (AirbyteMessageReader reader = new AirbyteMessageReader(new ByteArrayInputStream(written))) {
      reader.acceptTypedRows();
      ProtocolLine first = reader.next();
      assertThat(first).isInstanceOf(ProtocolLine.TypedRow.class);
      assertThat(((ProtocolLine.TypedRow) first).line()).isEqualTo(row);
      assertThat(reader.next()).isInstanceOf(ProtocolLine.Message.class);
    }
  }

  @Test
  void aRowReadsBackAsTheJsonDataItStandsFor() {
    StreamDeclaration stream = new StreamDeclaration(0, null, "s", List.of("i", "n", "nan", "b", "s", "j"),
        List.of(RowValueKind.INTEGER, RowValueKind.NUMBER, RowValueKind.NUMBER, RowValueKind.BOOLEAN, RowValueKind.STRING,
            RowValueKind.JSON));
    byte[] line = new TypedRowBuilder().row(0, 1).text("-7").text("1.50").text("NaN").text("t").nullValue()
        .text("{\"a\":\"x\\ty\"}").toLine();
    CopyTextRow row = new CopyTextRow();
    row.load(line);
    assertThat(TypedRowJson.data(stream, row).toString())
        .isEqualTo("{\"i\":-7,\"n\":1.50,\"nan\":\"NaN\",\"b\":true,\"s\":null,\"j\":{\"a\":\"x\\ty\"}}");
  }
}
