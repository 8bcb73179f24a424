package io.airbyte.connector.kit;

import io.airbyte.protocol.models.AirbyteErrorTraceMessage.FailureType;
import io.airbyte.protocol.models.StreamDescriptor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.util.concurrent.TimeoutException;

/**
 * An exception classified the one way the kit does it: config errors (invalid config, failed
 * authentication, unknown database, missing privilege), transient errors (I/O, timeouts, lost
 * connections), and system errors (everything else).
 *
 * @param message what the user reads
 * @param stream the stream at fault, when the failure is one stream's (null otherwise)
 */
public record Failure(FailureType type, String message, StreamDescriptor stream) {

  public Failure(FailureType type, String message) {
    this(type, message, null);
  }

  public static Failure of(Throwable error) {
    // a host that does not resolve is the config's fault, whatever wraps it (the PostgreSQL driver's
    // "The connection attempt failed." names no host): say which host
    for (Throwable t = error; t != null && t.getCause() != t; t = t.getCause()) {
      if (t instanceof java.net.UnknownHostException unknown) {
        return new Failure(FailureType.CONFIG_ERROR, "Cannot resolve the host '" + unknown.getMessage()
            + "': no such host (check 'host')");
      }
    }
    for (Throwable t = error; t != null; t = t.getCause()) {
      Failure failure = classifyOne(t);
      if (failure != null) {
        return failure;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return new Failure(FailureType.SYSTEM_ERROR, describe(error));
  }

  private static Failure classifyOne(Throwable t) {
    if (t instanceof RecordTooLargeException tooLarge) {
      return new Failure(FailureType.CONFIG_ERROR, t.getMessage(), tooLarge.stream());
    }
    if (t instanceof ConfigErrorException) {
      return new Failure(FailureType.CONFIG_ERROR, t.getMessage());
    }
    if (t instanceof TransientErrorException) {
      return new Failure(FailureType.TRANSIENT_ERROR, t.getMessage());
    }
    if (t instanceof SQLException sql && sql.getSQLState() != null) {
      String state = sql.getSQLState();
      if (state.startsWith("28")) {
        return new Failure(FailureType.CONFIG_ERROR, "Authentication failed: " + t.getMessage());
      }
      if (state.startsWith("3D")) {
        return new Failure(FailureType.CONFIG_ERROR, "Unknown database: " + t.getMessage());
      }
      if (state.equals("42501")) {
        return new Failure(FailureType.CONFIG_ERROR, "Missing privilege: " + t.getMessage());
      }
      if (state.startsWith("08") || state.startsWith("57P")) {
        return new Failure(FailureType.TRANSIENT_ERROR, "Connection to the database failed: " + t.getMessage());
      }
      return null;
    }
    if (t instanceof SocketTimeoutException || t instanceof TimeoutException) {
      return new Failure(FailureType.TRANSIENT_ERROR, "Timed out: " + describe(t));
    }
    if (t instanceof IOException || t instanceof UncheckedIOException) {
      return new Failure(FailureType.TRANSIENT_ERROR, "I/O error: " + describe(t));
    }
    return null;
  }

  private static String describe(Throwable t) {
    return t.getMessage() != null ? t.getMessage() : t.getClass().getSimpleName();
  }
}
