package io.airbyte.db.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.airbyte.db.DatabaseConfig;
import io.airbyte.db.secret.SecretsConfig;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingTest {

  private static final Setting<Integer> ATTEMPTS = Setting.of("AIRBYTE_MAX_ATTEMPTS", "20", 20, "attempts", Parsers.wholeNumber());

  @Test
  void unsetOrBlankTakesTheDefaultElseTheParsedValue() {
    assertThat(ATTEMPTS.read(Map.of())).isEqualTo(20);
    assertThat(ATTEMPTS.read(Map.of("AIRBYTE_MAX_ATTEMPTS", "  "))).isEqualTo(20);
    assertThat(ATTEMPTS.read(Map.of("AIRBYTE_MAX_ATTEMPTS", " 7 "))).isEqualTo(7);
  }

  @Test
  void anInvalidValueNamesTheVariable() {
    assertThatThrownBy(() -> ATTEMPTS.read(Map.of("AIRBYTE_MAX_ATTEMPTS", "x")))
        .isInstanceOf(InvalidSettingException.class).hasMessage("AIRBYTE_MAX_ATTEMPTS: 'x' is not a whole number");
    assertThatThrownBy(() -> DatabaseConfig.fromEnvironment(Map.of("AIRBYTE_DATABASE_URL", "jdbc:mysql://h/db")))
        .hasMessage("AIRBYTE_DATABASE_URL: 'jdbc:mysql://h/db' is not a PostgreSQL JDBC URL (jdbc:postgresql://host:port/db)");
  }

  @Test
  void aNumberThatMayBeZeroRefusesANegativeOneNamingTheVariable() {
    Setting<Integer> reuse = Setting.of("AIRBYTE_CHECK_REUSE_SECONDS", "300", 300, "seconds", Parsers.nonNegativeWholeNumber());
    assertThat(reuse.read(Map.of("AIRBYTE_CHECK_REUSE_SECONDS", "0"))).isZero();
    assertThatThrownBy(() -> reuse.read(Map.of("AIRBYTE_CHECK_REUSE_SECONDS", "-1")))
        .isInstanceOf(InvalidSettingException.class).hasMessage("AIRBYTE_CHECK_REUSE_SECONDS: '-1' is not a whole number of at least 0");
    Setting<Integer> positive = Setting.of("AIRBYTE_MAX_CONCURRENT_SYNCS", "4", 4, "syncs", Parsers.positiveWholeNumber());
    assertThatThrownBy(() -> positive.read(Map.of("AIRBYTE_MAX_CONCURRENT_SYNCS", "0")))
        .hasMessage("AIRBYTE_MAX_CONCURRENT_SYNCS: '0' is not a whole number of at least 1");
  }

  @Test
  void aSecretIsNeverRepeatedInTheMessage() {
    assertThatThrownBy(() -> SecretsConfig.fromEnvironment(Map.of("AIRBYTE_SECRETS_KEY", "c2hvcnQ=")))
        .hasMessageStartingWith("AIRBYTE_SECRETS_KEY: the value is not the base64 of 32 random bytes")
        .hasMessageNotContaining("c2hvcnQ=");
  }

  @Test
  void aFamilyReadsEveryVariableWithItsPrefix() {
    Setting<Map<String, String>> family = Setting.prefix("AIRBYTE_CONNECTOR_ENV_", "given to connectors");
    assertThat(family.name()).isEqualTo("AIRBYTE_CONNECTOR_ENV_<NAME>");
    assertThat(family.read(Map.of("AIRBYTE_CONNECTOR_ENV_JAVA_OPTS", "-Xmx1g", "AIRBYTE_CONNECTOR_ENV_", "x", "OTHER", "y")))
        .containsExactly(Map.entry("JAVA_OPTS", "-Xmx1g"));
  }

  @Test
  void theKeyFileDefaultsUnderTheHome() {
    assertThat(SecretsConfig.fromEnvironment(Map.of("AIRBYTE_HOME", "/data")).keyFile()).isEqualTo(Path.of("/data/secrets.key"));
    assertThat(SecretsConfig.fromEnvironment(Map.of("AIRBYTE_HOME", "/data", "AIRBYTE_SECRETS_KEY_FILE", "/k")).keyFile())
        .isEqualTo(Path.of("/k"));
  }
}
