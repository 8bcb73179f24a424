package io.airbyte.worker.log;

import io.airbyte.protocol.codec.ProtocolLine;
import io.airbyte.protocol.models.AirbyteMessage;
import io.airbyte.protocol.models.AirbyteTraceMessage;

/** How connector messages that are meant for people go to the attempt log. */
public final class ConnectorMessages {

  static final int LOGGED_NOT_MESSAGES = 100;

  private ConnectorMessages() {}

  /** LOG messages and error traces go to the log; other messages are data and do not. */
  public static void log(AttemptLog log, String tag, AirbyteMessage message) {
    if (message.getType() == AirbyteMessage.Type.LOG && message.getLog() != null) {
      String level = message.getLog().getLevel() == null ? "INFO" : message.getLog().getLevel().toString();
      log.connector(tag, level, String.valueOf(message.getLog().getMessage()));
    } else if (message.getType() == AirbyteMessage.Type.TRACE && message.getTrace().getType() == AirbyteTraceMessage.Type.ERROR) {
      var error = message.getTrace().getError();
      log.connector(tag, "ERROR", "TRACE ERROR (" + error.getFailureType() + "): " + error.getMessage()
          + (error.getInternalMessage() == null ? "" : " — " + error.getInternalMessage()));
      if (error.getStackTrace() != null) {
        log.connector(tag, "ERROR", error.getStackTrace());
      }
    }
  }

  /**
   * Counts a stdout line that is not a protocol message and logs it, the first
   * {@value #LOGGED_NOT_MESSAGES} of them: never fatal, never silently dropped.
   */
  public static void notAMessage(AttemptLog log, String tag, ProtocolLine.NotAMessage line,
      java.util.concurrent.atomic.AtomicLong counter) {
    if (counter.incrementAndGet() <= LOGGED_NOT_MESSAGES) {
      log.connector(tag, "STDOUT", "line " + line.lineNumber() + " is not a message (" + line.reason() + "): "
          + line.excerpt(1000));
    }
  }

  public static double emittedAt(AirbyteTraceMessage trace) {
    return trace.getEmittedAt() == null ? 0 : trace.getEmittedAt();
  }
}
