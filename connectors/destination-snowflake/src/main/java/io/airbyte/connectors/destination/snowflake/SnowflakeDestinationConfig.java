package io.airbyte.connectors.destination.snowflake;

import com.fasterxml.jackson.databind.JsonNode;
import io.airbyte.connector.kit.ConfigErrorException;
import io.airbyte.connector.kit.sql.SqlDestinationConfig;
import io.airbyte.connector.kit.sql.SqlDialect;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/** The config of destination-snowflake, with the property names of Airbyte's destination-snowflake. */
record SnowflakeDestinationConfig(String host, String role, String warehouse, String database, String schema,
    String username, Credentials credentials, String jdbcUrlParams, int retentionPeriodDays) implements SqlDestinationConfig {

  /** Airbyte's value when {@code retention_period_days} is not set (Snowflake's own default). */
  static final int DEFAULT_RETENTION_PERIOD_DAYS = 1;

  /** How the user logs in: a password, or a key pair (an unencrypted or encrypted PKCS#8 private key in PEM). */
  sealed interface Credentials {}

  record Password(String password) implements Credentials {}

  record KeyPair(String privateKey, String privateKeyPassword) implements Credentials {}

  private static final Logger LOG = Logger.getLogger(SnowflakeDestinationConfig.class.getName());
  private static final Pattern PLAIN_IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]*");

  static SnowflakeDestinationConfig from(JsonNode config) {
    String host = required(config, "host").replaceFirst("^https?://", "").replaceFirst("/+$", "");
    JsonNode credentials = config.path("credentials");
    Credentials login;
    if (credentials.hasNonNull("private_key")) {
      login = new KeyPair(credentials.get("private_key").asText(), credentials.path("private_key_password").asText(null));
    } else if (credentials.hasNonNull("password")) {
      login = new Password(credentials.get("password").asText());
    } else if (config.hasNonNull("password")) { // configs of older Airbyte versions
      login = new Password(config.get("password").asText());
    } else {
      throw new ConfigErrorException("credentials: give a password (Username and Password) or a private_key (Key Pair Authentication)");
    }
    if (config.path("disable_type_dedupe").asBoolean(false)) {
      LOG.warning("disable_type_dedupe is set: this destination writes typed tables directly (it keeps no raw tables),"
          + " so the setting has no effect");
    }
    return new SnowflakeDestinationConfig(host, required(config, "role"), required(config, "warehouse"),
        required(config, "database"), required(config, "schema"), required(config, "username"), login,
        config.path("jdbc_url_params").asText(""),
        config.hasNonNull("retention_period_days") ? config.get("retention_period_days").asInt() : DEFAULT_RETENTION_PERIOD_DAYS);
  }

  private static String required(JsonNode config, String field) {
    String value = config.path(field).asText("");
    if (value.isBlank()) {
      throw new ConfigErrorException(field + " is empty: it is required");
    }
    return value;
  }

  String jdbcUrl() {
    String params = jdbcUrlParams.strip().replaceFirst("^[?&]+", "");
    return "jdbc:snowflake://" + host + "/" + (params.isEmpty() ? "" : "?" + params);
  }

  Properties properties() {
    Properties props = new Properties();
    props.setProperty("user", username);
    props.setProperty("role", role);
    props.setProperty("warehouse", warehouse);
    props.setProperty("db", database);
    props.setProperty("application", "airbyte_platform");
    props.setProperty("loginTimeout", "60");
    // no probing of cloud metadata endpoints at login (workload identity, which this connector does not use)
    props.setProperty("disablePlatformDetection", "true");
    if (credentials instanceof KeyPair k) {
      props.setProperty("authenticator", "SNOWFLAKE_JWT");
      props.setProperty("private_key_base64", pemBody(k.privateKey()));
      if (k.privateKeyPassword() != null && !k.privateKeyPassword().isEmpty()) {
        props.setProperty("private_key_pwd", k.privateKeyPassword());
      }
    } else if (credentials instanceof Password p) {
      props.setProperty("password", p.password());
    }
    return props;
  }

  /** The base64 DER of a PEM private key (the driver's {@code private_key_base64}). */
  static String pemBody(String pem) {
    String body = pem.replaceAll("-----(BEGIN|END) [A-Z ]+-----", "").replaceAll("\\s", "");
    if (body.isEmpty()) {
      throw new ConfigErrorException("credentials.private_key is not a PEM private key");
    }
    return body;
  }

  /** A session in the database, warehouse and role of the config, and in its schema (created when missing), autocommit off. */
  @Override
  public Connection connect() throws SQLException {
    Connection c = login();
    try {
      try (Statement s = c.createStatement()) {
        if (!schemaExists(c)) {
          s.execute("CREATE SCHEMA IF NOT EXISTS " + dialect().quote(schema));
        }
        s.execute("USE SCHEMA " + dialect().quote(schema));
      }
      c.setAutoCommit(false);
      return c;
    } catch (SQLException e) {
      c.close();
      throw e;
    }
  }

  /** A session in the database, warehouse and role of the config, each checked (named when it is missing). */
  Connection login() throws SQLException {
    Connection c;
    try {
      c = DriverManager.getConnection(jdbcUrl(), properties());
    } catch (SQLException e) {
      throw SnowflakeErrors.login(this, e);
    }
    try (Statement s = c.createStatement()) {
      use(s, "ROLE", role, "role");
      use(s, "WAREHOUSE", warehouse, "warehouse");
      use(s, "DATABASE", database, "database");
      return c;
    } catch (SQLException | RuntimeException e) {
      c.close();
      throw e;
    }
  }

  private static void use(Statement s, String kind, String name, String field) throws SQLException {
    try {
      s.execute("USE " + kind + " " + identifier(name));
    } catch (SQLException e) {
      throw new ConfigErrorException(field + ": the " + kind.toLowerCase() + " '" + name + "' does not exist or the user"
          + " may not use it (" + firstLine(e) + ")", e);
    }
  }

  boolean schemaExists(Connection c) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(dialect().schemaExistsQuery())) {
      ps.setString(1, dialect().fit(schema));
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  /** A name as Snowflake reads a connection's role, warehouse or database: unquoted when it can be (upper case), else exactly. */
  static String identifier(String name) {
    return PLAIN_IDENTIFIER.matcher(name).matches() ? name : '"' + name.replace("\"", "\"\"") + '"';
  }

  static String firstLine(Exception e) {
    String message = e.getMessage() == null ? e.toString() : e.getMessage();
    return message.lines().findFirst().orElse(message).strip();
  }

  @Override
  public SqlDialect dialect() {
    return new SnowflakeDialect(schema, retentionPeriodDays);
  }
}
