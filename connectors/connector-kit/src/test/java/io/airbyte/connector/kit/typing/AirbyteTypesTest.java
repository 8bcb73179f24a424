package io.airbyte.connector.kit.typing;

import static org.assertj.core.api.Assertions.assertThat;

import io.airbyte.protocol.json.Jsons;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AirbyteTypesTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "{\"type\":\"string\"} | STRING",
      "{\"type\":[\"null\",\"string\"]} | STRING",
      "{\"type\":\"string\",\"contentEncoding\":\"base64\"} | STRING",
      "{\"type\":\"integer\"} | INTEGER",
      "{\"type\":[\"null\",\"integer\"]} | INTEGER",
      "{\"type\":\"number\",\"airbyte_type\":\"integer\"} | INTEGER",
      "{\"type\":\"number\"} | NUMBER",
      "{\"type\":\"boolean\"} | BOOLEAN",
      "{\"type\":\"string\",\"format\":\"date\"} | DATE",
      "{\"type\":\"string\",\"format\":\"date-time\"} | TIMESTAMP_WITH_TIMEZONE",
      "{\"type\":\"string\",\"format\":\"date-time\",\"airbyte_type\":\"timestamp_with_timezone\"} | TIMESTAMP_WITH_TIMEZONE",
      "{\"type\":\"string\",\"format\":\"date-time\",\"airbyte_type\":\"timestamp_without_timezone\"} | TIMESTAMP_WITHOUT_TIMEZONE",
      "{\"type\":\"string\",\"format\":\"time\",\"airbyte_type\":\"time_with_timezone\"} | TIME_WITH_TIMEZONE",
      "{\"type\":\"string\",\"format\":\"time\",\"airbyte_type\":\"time_without_timezone\"} | TIME_WITHOUT_TIMEZONE",
      "{\"type\":\"string\",\"format\":\"time\"} | TIME_WITHOUT_TIMEZONE",
      "{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"string\"}}} | OBJECT",
      "{\"type\":\"array\",\"items\":{\"type\":\"integer\"}} | ARRAY",
      "{} | JSON",
      "{\"type\":[\"string\",\"integer\"]} | JSON",
      "{\"oneOf\":[{\"type\":\"null\"},{\"type\":\"integer\"}]} | INTEGER",
      "{\"oneOf\":[{\"type\":\"string\"},{\"type\":\"integer\"}]} | JSON",
      "{\"$ref\":\"WellKnownTypes.json#/definitions/String\"} | STRING",
      "{\"$ref\":\"WellKnownTypes.json#/definitions/BinaryData\"} | STRING",
      "{\"$ref\":\"WellKnownTypes.json#/definitions/Integer\"} | INTEGER",
      "{\"$ref\":\"WellKnownTypes.json#/definitions/Number\"} | NUMBER",
      "{\"$ref\":\"WellKnownTypes.json#/definitions/Boolean\"} | BOOLEAN",
      "{\"$ref\":\"WellKnownTypes.json#/definitions/Date\"} | DATE",
      "{\"$ref\":\"WellKnownTypes.json#/definitions/TimestampWithTimezone\"} | TIMESTAMP_WITH_TIMEZONE",
      "{\"$ref\":\"WellKnownTypes.json#/definitions/TimestampWithoutTimezone\"} | TIMESTAMP_WITHOUT_TIMEZONE",
      "{\"$ref\":\"WellKnownTypes.json#/definitions/TimeWithTimezone\"} | TIME_WITH_TIMEZONE",
      "{\"$ref\":\"WellKnownTypes.json#/definitions/TimeWithoutTimezone\"} | TIME_WITHOUT_TIMEZONE",
  })
  void readsBothSchemaStyles(String schema, AirbyteType expected) {
    assertThat(AirbyteTypes.of(Jsons.deserialize(schema))).isEqualTo(expected);
  }

  @org.junit.jupiter.api.Test
  void columnsKeepSchemaOrder() {
    var columns = AirbyteTypes.columns(Jsons.deserialize(
        "{\"type\":\"object\",\"properties\":{\"z\":{\"type\":\"string\"},\"a\":{\"type\":\"integer\"},\"m\":{}}}"));
    assertThat(columns.keySet()).containsExactly("z", "a", "m");
    assertThat(columns.values()).containsExactly(AirbyteType.STRING, AirbyteType.INTEGER, AirbyteType.JSON);
  }
}
