package io.airbyte.protocol.codec;

import io.airbyte.protocol.models.AirbyteMessage;
import java.util.HashMap;
import java.util.Map;

/** Which payload field each message type needs. */
final class MessageTypes {

  private static final Map<String, AirbyteMessage.Type> BY_NAME = new HashMap<>();

  static {
    for (AirbyteMessage.Type type : AirbyteMessage.Type.values()) {
      BY_NAME.put(type.name(), type);
    }
  }

  private MessageTypes() {}

  static AirbyteMessage.Type byName(String name) {
    return BY_NAME.get(name);
  }

  /** What is missing for the message to be one of its type, or null when nothing is. */
  static String missingPayload(AirbyteMessage m) {
    return switch (m.getType()) {
      case RECORD -> m.getRecord() == null ? "RECORD without \"record\""
          : m.getRecord().getStream() == null ? "RECORD without \"record.stream\""
          : m.getRecord().getConsumedBy() == null && m.getRecord().getRawData() == null && m.getRecord().getData() == null
              ? "RECORD without \"record.data\""
          : null;
      case STATE -> m.getState() == null ? "STATE without \"state\"" : null;
      case LOG -> m.getLog() == null ? "LOG without \"log\""
          : m.getLog().getMessage() == null ? "LOG without \"log.message\"" : null;
      case SPEC -> m.getSpec() == null ? "SPEC without \"spec\"" : null;
      case CONNECTION_STATUS -> m.getConnectionStatus() == null ? "CONNECTION_STATUS without \"connectionStatus\""
          : m.getConnectionStatus().getStatus() == null ? "CONNECTION_STATUS without \"connectionStatus.status\"" : null;
      case CATALOG -> m.getCatalog() == null ? "CATALOG without \"catalog\"" : null;
      case TRACE -> m.getTrace() == null ? "TRACE without \"trace\""
          : m.getTrace().getType() == null ? "TRACE without \"trace.type\"" : null;
      case CONTROL -> m.getControl() == null ? "CONTROL without \"control\"" : null;
      case DESTINATION_CATALOG -> m.getDestinationCatalog() == null ? "DESTINATION_CATALOG without \"destination_catalog\"" : null;
    };
  }
}
