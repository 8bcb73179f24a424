package io.airbyte.connector.kit.postgres;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * How a PostgreSQL connector reaches its database, with the property names of Airbyte's PostgreSQL
 * connectors ({@code host}, {@code port}, {@code database}, {@code username}, {@code password},
 * {@code ssl_mode}, {@code jdbc_url_params}): the JDBC URL and the driver properties (user and
 * password, a 30 s connect timeout, the application name, ssl from {@code ssl_mode} with its PEM
 * certificates), for source-postgres and destination-postgres alike. Plain JDBC: the connector
 * brings the PostgreSQL driver. What fails to connect is classified by the kit's {@code Failure}
 * (authentication and unknown database: config errors; an unreachable host: transient); a wrong
 * {@code ssl_mode} or certificate is a {@code ConfigErrorException} naming the property.
 */
public record PostgresConnectionConfig(
    String host,
    int port,
    String database,
    String username,
    String password,
    JsonNode sslMode,
    String jdbcUrlParams) {

  public static PostgresConnectionConfig from(JsonNode config) {
    return new PostgresConnectionConfig(
        config.get("host").asText(),
        config.path("port").asInt(5432),
        config.get("database").asText(),
        config.get("username").asText(),
        config.hasNonNull("password") ? config.get("password").asText() : null,
        config.get("ssl_mode"),
        config.path("jdbc_url_params").asText(""));
  }

  public String jdbcUrl() {
    String url = "jdbc:postgresql://" + host + ":" + port + "/" + database;
    return jdbcUrlParams.isBlank() ? url : url + "?" + jdbcUrlParams;
  }

  /**
   * The driver properties; the connector adds its own (session options …) before {@link #open}.
   *
   * @param defaultSslMode the mode when the config has no {@code ssl_mode}
   */
  public Properties properties(String applicationName, String defaultSslMode) {
    Properties props = new Properties();
    props.setProperty("user", username);
    if (password != null) {
      props.setProperty("password", password);
    }
    props.setProperty("connectTimeout", "30");
    props.setProperty("ApplicationName", applicationName);
    PostgresSslProperties.apply(sslMode, defaultSslMode, props);
    return props;
  }

  public Connection open(Properties properties) throws SQLException {
    return DriverManager.getConnection(jdbcUrl(), properties);
  }
}
