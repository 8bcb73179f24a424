package io.airbyte.connector.kit.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.airbyte.connector.kit.ConfigErrorException;
import io.airbyte.protocol.json.Jsons;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class PostgresConnectionConfigTest {

  @Test
  void readsAirbytesPropertiesIntoAUrlAndDriverProperties() {
    PostgresConnectionConfig config = PostgresConnectionConfig.from(Jsons.deserialize("""
        {"host":"db.example","port":6432,"database":"shop","username":"reader","password":"s3cret",
         "jdbc_url_params":"prepareThreshold=0"}"""));
    assertThat(config.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example:6432/shop?prepareThreshold=0");
    Properties props = config.properties("airbyte-test", "prefer");
    assertThat(props).containsEntry("user", "reader").containsEntry("password", "s3cret")
        .containsEntry("connectTimeout", "30").containsEntry("ApplicationName", "airbyte-test")
        .containsEntry("sslmode", "prefer");
  }

  @Test
  void defaultsWhenOptionalPropertiesAreMissing() {
    PostgresConnectionConfig config = PostgresConnectionConfig.from(Jsons.deserialize("""
        {"host":"db","database":"shop","username":"reader","password":null}"""));
    assertThat(config.jdbcUrl()).isEqualTo("jdbc:postgresql://db:5432/shop");
    assertThat(config.properties("a", "disable")).doesNotContainKey("password").containsEntry("sslmode", "disable");
  }

  @Test
  void sslModeWithCertificatesBecomesFilesTheDriverReads() throws Exception {
    PostgresConnectionConfig config = PostgresConnectionConfig.from(Jsons.deserialize("""
        {"host":"db","database":"shop","username":"reader",
         "ssl_mode":{"mode":"verify-ca","ca_certificate":"-----BEGIN CERTIFICATE-----\\nMIIB\\n-----END CERTIFICATE-----"}}"""));
    Properties props = config.properties("a", "disable");
    assertThat(props).containsEntry("sslmode", "verify-ca");
    assertThat(Files.readString(Path.of(props.getProperty("sslrootcert")))).startsWith("-----BEGIN CERTIFICATE-----");
  }

  @Test
  void aWrongSslModeNamesTheProperty() {
    PostgresConnectionConfig config = PostgresConnectionConfig.from(Jsons.deserialize("""
        {"host":"db","database":"shop","username":"reader","ssl_mode":{"mode":"sometimes"}}"""));
    assertThatThrownBy(() -> config.properties("a", "disable"))
        .isInstanceOf(ConfigErrorException.class).hasMessageContaining("ssl_mode.mode 'sometimes'");
    PostgresConnectionConfig noCa = PostgresConnectionConfig.from(Jsons.deserialize("""
        {"host":"db","database":"shop","username":"reader","ssl_mode":{"mode":"verify-full"}}"""));
    assertThatThrownBy(() -> noCa.properties("a", "disable"))
        .isInstanceOf(ConfigErrorException.class).hasMessageContaining("ssl_mode.ca_certificate");
  }
}
