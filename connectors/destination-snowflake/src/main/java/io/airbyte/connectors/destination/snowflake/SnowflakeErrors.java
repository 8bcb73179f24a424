package io.airbyte.connectors.destination.snowflake;

import io.airbyte.connector.kit.ConfigErrorException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.sql.SQLException;

/** What a user can act on when Snowflake refuses a login: the field of the config that is wrong. */
final class SnowflakeErrors {

  /** Snowflake's error code for a wrong user name or password. */
  static final int INCORRECT_USERNAME_OR_PASSWORD = 390100;
  /** A key pair login whose public key Snowflake does not have for the user. */
  static final int JWT_TOKEN_INVALID = 390144;

  private SnowflakeErrors() {}

  /** @return {@code e} when it is nothing the config explains; else throws a {@link ConfigErrorException} */
  static SQLException login(SnowflakeDestinationConfig config, SQLException e) {
    String message = SnowflakeDestinationConfig.firstLine(e);
    if (e.getErrorCode() == INCORRECT_USERNAME_OR_PASSWORD) {
      throw new ConfigErrorException("username/credentials: Snowflake refused the login of '" + config.username()
          + "': incorrect username or password (" + message + ")", e);
    }
    if (e.getErrorCode() == JWT_TOKEN_INVALID) {
      throw new ConfigErrorException("credentials.private_key: Snowflake refused the key pair login of '"
          + config.username() + "': the user's public key does not match the private key (" + message + ")", e);
    }
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof UnknownHostException || t instanceof ConnectException) {
        throw new ConfigErrorException("host: cannot reach Snowflake at '" + config.host() + "' (" + t.getMessage() + "): check the"
            + " account's host name, e.g. abc12345.us-east-1.snowflakecomputing.com", e);
      }
    }
    if (message.contains("does not exist or not authorized")) {
      throw new ConfigErrorException("Snowflake refused the login: " + message + " (check role, warehouse and database)", e);
    }
    if ("08001".equals(e.getSQLState()) || "08006".equals(e.getSQLState())) {
      throw new ConfigErrorException("host: cannot connect to Snowflake at '" + config.host() + "': " + message, e);
    }
    return e;
  }
}
