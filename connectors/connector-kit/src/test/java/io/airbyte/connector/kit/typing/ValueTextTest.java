package io.airbyte.connector.kit.typing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ValueTextTest {

  @ParameterizedTest(name = "{0} {1} -> {2}")
  @CsvSource(delimiter = '|', value = {
      "DATE | 2024-01-31 | true",
      "DATE | 2024-02-29 | true",
      "DATE | 2023-02-29 | false",
      "DATE | 2024-13-01 | false",
      "DATE | 0044-03-15 BC | true",
      "DATE | 24-01-01 | false",
      "DATE | 2024-01-01T00:00:00 | false",
      "DATE | yesterday | false",
      "TIMESTAMP_WITH_TIMEZONE | 2024-01-01T00:00:00Z | true",
      "TIMESTAMP_WITH_TIMEZONE | 2024-01-01T00:00:00.123456+05:30 | true",
      "TIMESTAMP_WITH_TIMEZONE | 2024-01-01 00:00:00+00 | true",
      "TIMESTAMP_WITH_TIMEZONE | 2024-01-01T00:00:00-0800 | true",
      "TIMESTAMP_WITH_TIMEZONE | 2024-01-01T00:00:00 | true",
      "TIMESTAMP_WITH_TIMEZONE | 2024-01-01T24:00:00Z | true",
      "TIMESTAMP_WITH_TIMEZONE | 2024-01-01T24:00:01Z | false",
      "TIMESTAMP_WITH_TIMEZONE | 2024-01-01T12:61:00Z | false",
      "TIMESTAMP_WITH_TIMEZONE | 2024-01-01T12:00:00+25:00 | false",
      "TIMESTAMP_WITH_TIMEZONE | 2024-01-01T12:00:00.Z | false",
      "TIMESTAMP_WITH_TIMEZONE | 2022-01-23T01:23:45.678-11:30 BC | true",
      "TIMESTAMP_WITH_TIMEZONE | 1700000000 | false",
      "TIMESTAMP_WITHOUT_TIMEZONE | 2024-01-01T00:00:00.5 | true",
      "TIMESTAMP_WITHOUT_TIMEZONE | 2024-01-01T00:00:00Z | false",
      "TIME_WITHOUT_TIMEZONE | 01:23:45 | true",
      "TIME_WITHOUT_TIMEZONE | 01:23:45.678 | true",
      "TIME_WITHOUT_TIMEZONE | 01:23:45Z | false",
      "TIME_WITH_TIMEZONE | 01:23:45.678-11:30 | true",
      "TIME_WITH_TIMEZONE | 1:23:45 | false",
      "INTEGER | 9223372036854775807 | true",
      "INTEGER | -9223372036854775808 | true",
      "INTEGER | 9223372036854775808 | false",
      "INTEGER | 00000000000000000000042 | true",
      "INTEGER | 12a | false",
      "INTEGER | 1.5 | false",
      "INTEGER | - | false",
      "NUMBER | 12345678901234567890.123456789 | true",
      "NUMBER | -1.5e-7 | true",
      "NUMBER | .5 | true",
      "NUMBER | NaN | true",
      "NUMBER | -Infinity | true",
      "NUMBER | 1e | false",
      "NUMBER | abc | false",
      "NUMBER | 1.2.3 | false",
      "BOOLEAN | TRUE | true",
      "BOOLEAN | yes | false",
  })
  void validatesValues(AirbyteType type, String text, boolean valid) {
    assertThat(ValueText.isValid(type, text)).isEqualTo(valid);
  }
}
