package io.airbyte.protocol.codec;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.airbyte.protocol.json.Jsons;
import io.airbyte.protocol.json.RawJson;
import io.airbyte.protocol.models.AirbyteCatalog;
import io.airbyte.protocol.models.AirbyteConnectionStatus;
import io.airbyte.protocol.models.AirbyteControlMessage;
import io.airbyte.protocol.models.AirbyteLogMessage;
import io.airbyte.protocol.models.AirbyteMessage;
import io.airbyte.protocol.models.AirbyteRecordMessage;
import io.airbyte.protocol.models.AirbyteRecordMessageFileReference;
import io.airbyte.protocol.models.AirbyteRecordMessageMeta;
import io.airbyte.protocol.models.AirbyteStateMessage;
import io.airbyte.protocol.models.AirbyteTraceMessage;
import io.airbyte.protocol.models.ConnectorSpecification;
import io.airbyte.protocol.models.DestinationCatalog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Turns one line into a {@link ProtocolLine}. A plain RECORD line without a data handler is read by
 * {@link RecordLineScanner}; otherwise the envelope is read with a streaming parser; a
 * record's {@code data} is checked for well-formedness and kept as a slice of the line, not parsed
 * into a tree. Anything that is not a message of the protocol comes out as {@link
 * ProtocolLine.NotAMessage} with the reason; nothing here throws on bad input.
 */
final class MessageLineParser {

  private static final ObjectMapper MAPPER = Jsons.mapper();
  private static final Map<AirbyteMessage.Type, ObjectReader> PAYLOAD_READERS = Map.of(
      AirbyteMessage.Type.LOG, MAPPER.readerFor(AirbyteLogMessage.class),
      AirbyteMessage.Type.SPEC, MAPPER.readerFor(ConnectorSpecification.class),
      AirbyteMessage.Type.CONNECTION_STATUS, MAPPER.readerFor(AirbyteConnectionStatus.class),
      AirbyteMessage.Type.CATALOG, MAPPER.readerFor(AirbyteCatalog.class),
      AirbyteMessage.Type.STATE, MAPPER.readerFor(AirbyteStateMessage.class),
      AirbyteMessage.Type.TRACE, MAPPER.readerFor(AirbyteTraceMessage.class),
      AirbyteMessage.Type.CONTROL, MAPPER.readerFor(AirbyteControlMessage.class),
      AirbyteMessage.Type.DESTINATION_CATALOG, MAPPER.readerFor(DestinationCatalog.class));
  private static final ObjectReader META_READER = MAPPER.readerFor(AirbyteRecordMessageMeta.class);
  private static final ObjectReader FILE_REFERENCE_READER = MAPPER.readerFor(AirbyteRecordMessageFileReference.class);
  private static final ObjectReader TREE_READER = MAPPER.readerFor(JsonNode.class);

  private MessageLineParser() {}

  static boolean isBlank(byte[] line) {
    for (byte b : line) {
      if (b != ' ' && b != '\t' && b != '\r') {
        return false;
      }
    }
    return true;
  }

  static ProtocolLine parse(byte[] line, long lineNumber, RecordDataHandler handler) {
    if (handler == null) {
      AirbyteRecordMessage record = RecordLineScanner.scan(line);
      if (record != null) {
        AirbyteMessage message = new AirbyteMessage().withType(AirbyteMessage.Type.RECORD).withRecord(record);
        return new ProtocolLine.Message(message, new RawJson(line, 0, line.length), lineNumber);
      }
    }
    try (JsonParser p = MAPPER.createParser(line)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return notAMessage(line, "not a JSON object", lineNumber);
      }
      AirbyteMessage message = new AirbyteMessage();
      String typeName = null;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        JsonToken value = p.nextToken();
        switch (field) {
          case "type" -> {
            if (value != JsonToken.VALUE_STRING) {
              return notAMessage(line, "\"type\" is not a string", lineNumber);
            }
            typeName = p.getText();
          }
          case "record" -> {
            if (value != JsonToken.START_OBJECT) {
              return notAMessage(line, "\"record\" is not an object", lineNumber);
            }
            String problem = readRecord(p, line, message, handler);
            if (problem != null) {
              return notAMessage(line, problem, lineNumber);
            }
          }
          case "log" -> message.setLog(payload(p, AirbyteMessage.Type.LOG));
          case "spec" -> message.setSpec(payload(p, AirbyteMessage.Type.SPEC));
          case "connectionStatus" -> message.setConnectionStatus(payload(p, AirbyteMessage.Type.CONNECTION_STATUS));
          case "catalog" -> message.setCatalog(payload(p, AirbyteMessage.Type.CATALOG));
          case "state" -> message.setState(payload(p, AirbyteMessage.Type.STATE));
          case "trace" -> message.setTrace(payload(p, AirbyteMessage.Type.TRACE));
          case "control" -> message.setControl(payload(p, AirbyteMessage.Type.CONTROL));
          case "destination_catalog" -> message.setDestinationCatalog(payload(p, AirbyteMessage.Type.DESTINATION_CATALOG));
          default -> message.setAdditionalProperty(field, TREE_READER.readValue(p));
        }
      }
      if (p.nextToken() != null) {
        return notAMessage(line, "more than one JSON value on the line", lineNumber);
      }
      if (typeName == null) {
        return notAMessage(line, "no \"type\"", lineNumber);
      }
      AirbyteMessage.Type type = MessageTypes.byName(typeName);
      if (type == null) {
        return notAMessage(line, "unknown message type \"" + typeName + "\"", lineNumber);
      }
      message.setType(type);
      String missing = MessageTypes.missingPayload(message);
      if (missing != null) {
        return notAMessage(line, missing, lineNumber);
      }
      return new ProtocolLine.Message(message, new RawJson(line, 0, line.length), lineNumber);
    } catch (JsonProcessingException e) {
      return notAMessage(line, "not valid JSON: " + e.getOriginalMessage(), lineNumber);
    } catch (IOException e) {
      // parsing an array in memory does no I/O: this is a malformed value as well
      return notAMessage(line, "not valid JSON: " + e.getMessage(), lineNumber);
    }
  }

  private static <T> T payload(JsonParser p, AirbyteMessage.Type type) throws IOException {
    return PAYLOAD_READERS.get(type).readValue(p);
  }

  /** Reads the fields of a record object; returns what is wrong with it, or null. */
  private static String readRecord(JsonParser p, byte[] line, AirbyteMessage message, RecordDataHandler handler)
      throws IOException {
    AirbyteRecordMessage record = new AirbyteRecordMessage();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      JsonToken value = p.nextToken();
      switch (field) {
        case "stream" -> {
          if (value != JsonToken.VALUE_STRING) {
            return "\"record.stream\" is not a string";
          }
          record.setStream(p.getText());
        }
        case "namespace" -> {
          if (value != JsonToken.VALUE_STRING && value != JsonToken.VALUE_NULL) {
            return "\"record.namespace\" is not a string";
          }
          record.setNamespace(value == JsonToken.VALUE_NULL ? null : p.getText());
        }
        case "emitted_at" -> {
          if (!value.isNumeric()) {
            return "\"record.emitted_at\" is not a number";
          }
          record.setEmittedAt(p.getLongValue());
        }
        case "data" -> {
          if (value != JsonToken.START_OBJECT) {
            return "\"record.data\" is not an object";
          }
          if (handler != null && record.getStream() != null) {
            Object consumed = handler.data(record.getNamespace(), record.getStream(), p, line);
            if (consumed != null) {
              if (p.currentToken() != JsonToken.END_OBJECT) {
                throw new IllegalStateException("a record data handler did not consume the whole data object");
              }
              record.setConsumedBy(consumed);
              continue;
            }
          }
          int start = (int) p.currentTokenLocation().getByteOffset();
          p.skipChildren();
          int end = (int) p.currentLocation().getByteOffset();
          record.setRawData(new RawJson(line, start, end - start));
        }
        case "meta" -> record.setMeta(META_READER.readValue(p));
        case "file_reference" -> record.setFileReference(FILE_REFERENCE_READER.readValue(p));
        default -> record.setAdditionalProperty(field, TREE_READER.readValue(p));
      }
    }
    message.setRecord(record);
    return null;
  }

  private static ProtocolLine notAMessage(byte[] line, String reason, long lineNumber) {
    return new ProtocolLine.NotAMessage(new String(line, StandardCharsets.UTF_8), reason, lineNumber);
  }
}
