package io.airbyte.db.settings;

/** An environment variable whose value cannot be used; the message starts with the variable's name. */
public final class InvalidSettingException extends IllegalArgumentException {

  public InvalidSettingException(String message, Throwable cause) {
    super(message, cause);
  }

  public InvalidSettingException(String message) {
    super(message);
  }
}
