package io.airbyte.connector.kit;

/**
 * The user's configuration is at fault (wrong password, unknown database, missing permission): the
 * message says what to fix, and retrying without a change will not help.
 */
public class ConfigErrorException extends RuntimeException {

  public ConfigErrorException(String message) {
    super(message);
  }

  public ConfigErrorException(String message, Throwable cause) {
    super(message, cause);
  }
}
