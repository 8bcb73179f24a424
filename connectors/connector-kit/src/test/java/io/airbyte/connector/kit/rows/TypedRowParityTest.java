package io.airbyte.connector.kit.rows;

import static org.assertj.core.api.Assertions.assertThat;

import io.airbyte.connector.kit.typing.AirbyteType;
import io.airbyte.protocol.json.RawJson;
import io.airbyte.protocol.models.AirbyteRecordMessage;
import io.airbyte.protocol.rows.CopyTextRow;
import io.airbyte.protocol.rows.RowValueKind;
import io.airbyte.protocol.rows.StreamDeclaration;
import io.airbyte.protocol.rows.TypedRowBuilder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A typed row and the JSON record it stands for become the same load row, byte for byte (but the
 * random row id): the same value text, the same NULLs for values that do not cast, the same
 * {@code _airbyte_meta}.
 */
class TypedRowParityTest {

  /** column type, the value as JSON, its kind and text in a typed row (null text: NULL) */
  static Stream<Arguments> values() {
    return Stream.of(
        Arguments.of(AirbyteType.INTEGER, "5", RowValueKind.INTEGER, "5"),
        Arguments.of(AirbyteType.INTEGER, "-9223372036854775808", RowValueKind.INTEGER, "-9223372036854775808"),
        Arguments.of(AirbyteType.INTEGER, "92233720368547758070", RowValueKind.INTEGER, "92233720368547758070"),
        Arguments.of(AirbyteType.INTEGER, "1.0", RowValueKind.NUMBER, "1.0"),
        Arguments.of(AirbyteType.INTEGER, "1.5", RowValueKind.NUMBER, "1.5"),
        Arguments.of(AirbyteType.INTEGER, "null", RowValueKind.INTEGER, null),
        Arguments.of(AirbyteType.NUMBER, "1.50", RowValueKind.NUMBER, "1.50"),
        Arguments.of(AirbyteType.NUMBER, "-0.5", RowValueKind.NUMBER, "-0.5"),
        Arguments.of(AirbyteType.NUMBER, "1.5e+300", RowValueKind.NUMBER, "1.5e+300"),
        Arguments.of(AirbyteType.NUMBER, "1E-30", RowValueKind.NUMBER, "1E-30"),
        Arguments.of(AirbyteType.NUMBER, "12", RowValueKind.NUMBER, "12"),
        Arguments.of(AirbyteType.NUMBER, "\"NaN\"", RowValueKind.NUMBER, "NaN"),
        Arguments.of(AirbyteType.NUMBER, "\"Infinity\"", RowValueKind.NUMBER, "Infinity"),
        Arguments.of(AirbyteType.NUMBER, "\"-Infinity\"", RowValueKind.NUMBER, "-Infinity"),
        Arguments.of(AirbyteType.BOOLEAN, "true", RowValueKind.BOOLEAN, "t"),
        Arguments.of(AirbyteType.BOOLEAN, "false", RowValueKind.BOOLEAN, "f"),
        Arguments.of(AirbyteType.STRING, "\"tab\\there\\nnew\\r\\\\ \\\"q\\\" é ✓ 😀\"", RowValueKind.STRING,
            "tab\there\nnew\r\\ \"q\" é ✓ 😀"),
        Arguments.of(AirbyteType.STRING, "\"\"", RowValueKind.STRING, ""),
        Arguments.of(AirbyteType.STRING, "\"\\\\N\"", RowValueKind.STRING, "\\N"),
        Arguments.of(AirbyteType.STRING, "\"nul\\u0000char\"", RowValueKind.STRING, "nul\u0000char"),
        Arguments.of(AirbyteType.DATE, "\"2024-02-29\"", RowValueKind.STRING, "2024-02-29"),
        Arguments.of(AirbyteType.DATE, "\"0044-03-15 BC\"", RowValueKind.STRING, "0044-03-15 BC"),
        Arguments.of(AirbyteType.DATE, "\"infinity\"", RowValueKind.STRING, "infinity"),
        Arguments.of(AirbyteType.TIMESTAMP_WITH_TIMEZONE, "\"2024-01-01T10:00:00.5+02:00\"", RowValueKind.STRING,
            "2024-01-01T10:00:00.5+02:00"),
        Arguments.of(AirbyteType.TIMESTAMP_WITH_TIMEZONE, "\"1970-01-01T00:00:00Z\"", RowValueKind.STRING, "1970-01-01T00:00:00Z"),
        Arguments.of(AirbyteType.TIMESTAMP_WITHOUT_TIMEZONE, "\"2024-01-01T10:00:00.123456\"", RowValueKind.STRING,
            "2024-01-01T10:00:00.123456"),
        Arguments.of(AirbyteType.TIMESTAMP_WITHOUT_TIMEZONE, "\"-infinity\"", RowValueKind.STRING, "-infinity"),
        Arguments.of(AirbyteType.TIME_WITH_TIMEZONE, "\"10:00:00-05:30\"", RowValueKind.STRING, "10:00:00-05:30"),
        Arguments.of(AirbyteType.TIME_WITHOUT_TIMEZONE, "\"23:59:59.999999\"", RowValueKind.STRING, "23:59:59.999999"),
        Arguments.of(AirbyteType.JSON, "{\"a\": [1, \"x\\ty\"], \"b\": null}", RowValueKind.JSON, "{\"a\": [1, \"x\\ty\"], \"b\": null}"),
        Arguments.of(AirbyteType.JSON, "[1,2]", RowValueKind.JSON, "[1,2]"),
        Arguments.of(AirbyteType.JSON, "\"a json string\"", RowValueKind.JSON, "\"a json string\""),
        Arguments.of(AirbyteType.JSON, "12", RowValueKind.JSON, "12"),
        Arguments.of(AirbyteType.JSON, "true", RowValueKind.JSON, "true"),
        Arguments.of(AirbyteType.JSON, "null", RowValueKind.JSON, "null"),
        Arguments.of(AirbyteType.JSON, "{\"nul\": \"\\u0000\"}", RowValueKind.JSON, "{\"nul\": \"\\u0000\"}"),
        Arguments.of(AirbyteType.ARRAY, "[1,null,3]", RowValueKind.JSON, "[1,null,3]"),
        Arguments.of(AirbyteType.ARRAY, "{\"k\":1}", RowValueKind.JSON, "{\"k\":1}"),
        Arguments.of(AirbyteType.OBJECT, "{\"k\":{\"n\":1.0}}", RowValueKind.JSON, "{\"k\":{\"n\":1.0}}"),
        Arguments.of(AirbyteType.OBJECT, "[1]", RowValueKind.JSON, "[1]"),
        Arguments.of(AirbyteType.STRING, "\"AP8Q\"", RowValueKind.STRING, "AP8Q"));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("values")
  void aTypedRowLoadsAsItsJsonRecordDoes(AirbyteType type, String json, RowValueKind kind, String text) throws Exception {
    for (RowFormat format : List.of(CsvFormat.INSTANCE, new EscapingFormat('\t', (char) 0) {
      @Override
      public void bool(Bytes out, boolean value) {
        out.putAscii(value ? "t" : "f");
      }
    })) {
      String viaJson = fromJson(format, type, "{\"c\": " + json + "}");
      String viaRow = fromRow(format, type, kind, text);
      assertThat(viaRow).isEqualTo(viaJson);
    }
  }

  @org.junit.jupiter.api.Test
  void theComparisonSeesValuesAndChanges() throws Exception {
    String notAnObject = fromRow(CsvFormat.INSTANCE, AirbyteType.OBJECT, RowValueKind.JSON, "[1]");
    assertThat(notAnObject).contains("DESTINATION_TYPECAST_ERROR").contains("\"\"c\"\"");
    assertThat(fromRow(CsvFormat.INSTANCE, AirbyteType.STRING, RowValueKind.STRING, "a,b")).endsWith(",\"a,b\",\\N\n");
    assertThat(fromRow(CsvFormat.INSTANCE, AirbyteType.NUMBER, RowValueKind.NUMBER, "1.5"))
        .isNotEqualTo(fromRow(CsvFormat.INSTANCE, AirbyteType.NUMBER, RowValueKind.NUMBER, "1.50"));
  }

  private static RowEncoder encoder(RowFormat format, AirbyteType type) {
    return new RowEncoder(format, List.of(Map.entry("c", type), Map.entry("other", AirbyteType.STRING)), 9L, 3, false);
  }

  private static String fromJson(RowFormat format, AirbyteType type, String data) throws Exception {
    AirbyteRecordMessage record = new AirbyteRecordMessage().withStream("s").withEmittedAt(1_700_000_000_000L);
    record.setRawData(RawJson.of(data));
    Bytes out = new Bytes(256);
    encoder(format, type).encode(record, out);
    return withoutRowId(out);
  }

  private static String fromRow(RowFormat format, AirbyteType type, RowValueKind kind, String text) throws Exception {
    StreamDeclaration stream = new StreamDeclaration(0, null, "s", List.of("c"), List.of(kind));
    TypedRowBuilder line = new TypedRowBuilder().row(0, 1_700_000_000_000L);
    if (text == null) {
      line.nullValue();
    } else {
      line.text(text);
    }
    CopyTextRow row = new CopyTextRow();
    row.load(line.toLine());
    RowEncoder encoder = encoder(format, type);
    encoder.readRow(stream, row);
    AirbyteRecordMessage record = new AirbyteRecordMessage().withStream("s").withEmittedAt(1_700_000_000_000L);
    record.setConsumedBy(encoder);
    Bytes out = new Bytes(256);
    encoder.encode(record, out);
    return withoutRowId(out);
  }

  private static String withoutRowId(Bytes out) {
    String row = new String(out.array(), 0, out.length(), StandardCharsets.UTF_8);
    return row.substring(36); // a random UUID
  }
}
