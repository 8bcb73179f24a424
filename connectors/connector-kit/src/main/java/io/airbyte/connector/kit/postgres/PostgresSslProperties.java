package io.airbyte.connector.kit.postgres;

import com.fasterxml.jackson.databind.JsonNode;
import io.airbyte.connector.kit.ConfigErrorException;
import io.airbyte.connector.kit.ssl.PemFiles;
import java.util.Properties;

/**
 * Airbyte's {@code ssl_mode} object of the PostgreSQL connectors (keyed by {@code mode}: disable,
 * allow, prefer, require, verify-ca, verify-full, with PEM certificates) as PostgreSQL JDBC driver
 * properties. Plain strings: the kit does not depend on the driver.
 */
final class PostgresSslProperties {

  private PostgresSslProperties() {}

  static void apply(JsonNode sslMode, String defaultMode, Properties props) {
    String mode = sslMode != null && sslMode.hasNonNull("mode") ? sslMode.get("mode").asText() : defaultMode;
    switch (mode) {
      case "disable", "allow", "prefer", "require" -> props.setProperty("sslmode", mode);
      case "verify-ca", "verify-full" -> {
        props.setProperty("sslmode", mode);
        props.setProperty("sslrootcert",
            PemFiles.pem("ssl_mode.ca_certificate", sslMode.path("ca_certificate").asText(null)).toString());
        if (sslMode.hasNonNull("client_certificate")) {
          props.setProperty("sslcert",
              PemFiles.pem("ssl_mode.client_certificate", sslMode.get("client_certificate").asText()).toString());
          props.setProperty("sslkey",
              PemFiles.pkcs8Der("ssl_mode.client_key", sslMode.path("client_key").asText(null)).toString());
          if (sslMode.hasNonNull("client_key_password")) {
            props.setProperty("sslpassword", sslMode.get("client_key_password").asText());
          }
        }
      }
      default -> throw new ConfigErrorException("ssl_mode.mode '" + mode + "' is not one of disable, allow, prefer,"
          + " require, verify-ca, verify-full");
    }
  }
}
