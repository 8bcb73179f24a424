package io.airbyte.connector.kit;

/** A failure that may go away when the sync is retried (a dropped connection, a timeout). */
public class TransientErrorException extends RuntimeException {

  public TransientErrorException(String message) {
    super(message);
  }

  public TransientErrorException(String message, Throwable cause) {
    super(message, cause);
  }
}
