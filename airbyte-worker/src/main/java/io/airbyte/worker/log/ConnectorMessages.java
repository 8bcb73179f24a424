package io.airbyte.worker.log;

import io.airbyte.protocol.models.AirbyteMessage;
import io.airbyte.protocol.models.AirbyteTraceMessage;

/** How connector messages that are meant for people go to the attempt log. */
public final class ConnectorMessages {

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

  public static double emittedAt(AirbyteTraceMessage trace) {
    return trace.getEmittedAt() == null ? 0 : trace.getEmittedAt();
  }
}
