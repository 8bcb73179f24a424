package io.airbyte.connector.kit.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.airbyte.connector.kit.typing.AirbyteType;
import org.junit.jupiter.api.Test;

class SqlTypesTest {

  /** Names of an engine whose introspection reports other names than its DDL takes. */
  private static final SqlTypes TYPES = new SqlTypes().uuid("uuid")
      .map(AirbyteType.STRING, "text").map(AirbyteType.INTEGER, "bigint", "int8").map(AirbyteType.NUMBER, "numeric")
      .map(AirbyteType.BOOLEAN, "boolean", "bool").map(AirbyteType.DATE, "date").map(AirbyteType.JSON, "jsonb")
      .alias("varchar", AirbyteType.STRING);

  @Test
  void namesNewColumnsAndReadsReportedTypesBack() {
    assertThat(TYPES.uuidType()).isEqualTo("uuid");
    assertThat(TYPES.columnType(AirbyteType.INTEGER)).isEqualTo("bigint");
    assertThat(TYPES.reportedType(AirbyteType.INTEGER)).isEqualTo("int8");
    assertThat(TYPES.reportedType(AirbyteType.STRING)).isEqualTo("text");
    assertThat(TYPES.encodingOf("int8")).isEqualTo(AirbyteType.INTEGER);
    assertThat(TYPES.encodingOf("bigint")).as("a DDL name that is not reported").isNull();
    assertThat(TYPES.encodingOf("varchar")).isEqualTo(AirbyteType.STRING);
    assertThat(TYPES.encodingOf("int4")).as("a type the destination does not write").isNull();
    assertThat(TYPES.encodingOf(null)).isNull();
  }

  @Test
  void objectsAndArraysTakeTheJsonColumnType() {
    assertThat(TYPES.columnType(AirbyteType.OBJECT)).isEqualTo("jsonb");
    assertThat(TYPES.columnType(AirbyteType.ARRAY)).isEqualTo("jsonb");
    assertThat(TYPES.reportedType(AirbyteType.ARRAY)).isEqualTo("jsonb");
    assertThat(TYPES.encodingOf("jsonb")).isEqualTo(AirbyteType.JSON);
  }

  @Test
  void anUnmappedTypeIsAnError() {
    assertThatThrownBy(() -> TYPES.columnType(AirbyteType.TIME_WITH_TIMEZONE))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("TIME_WITH_TIMEZONE");
  }

  @Test
  void wideningNeverLosesData() {
    assertThat(TYPES.widenedType("int8", AirbyteType.INTEGER)).as("same type").isNull();
    assertThat(TYPES.widenedType("jsonb", AirbyteType.OBJECT)).as("JSON holds objects").isNull();
    assertThat(TYPES.widenedType("numeric", AirbyteType.INTEGER)).as("numbers hold integers").isNull();
    assertThat(TYPES.widenedType("int8", AirbyteType.NUMBER)).isEqualTo("numeric");
    assertThat(TYPES.widenedType("text", AirbyteType.DATE)).as("text holds anything").isNull();
    assertThat(TYPES.widenedType("jsonb", AirbyteType.BOOLEAN)).as("JSON holds anything").isNull();
    assertThat(TYPES.widenedType("date", AirbyteType.BOOLEAN)).isEqualTo("text");
    assertThat(TYPES.widenedType("bool", AirbyteType.ARRAY)).isEqualTo("jsonb");
    assertThat(TYPES.widenedType("int4", AirbyteType.DATE)).as("an unknown type becomes text").isEqualTo("text");
  }
}
