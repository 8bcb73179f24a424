package io.airbyte.worker.replication;

import io.airbyte.protocol.json.Jsons;
import io.airbyte.protocol.json.RawJson;
import io.airbyte.protocol.models.AirbyteMessage;
import io.airbyte.protocol.models.AirbyteRecordMessage;
import io.airbyte.protocol.models.StreamDescriptor;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Writes a record under its destination name. A plain record (data, stream, namespace, emitted_at
 * and nothing else) is spliced from bytes: a prefix made once per stream, the timestamp, and the
 * data exactly as the source wrote it, so the data is neither parsed nor re-encoded. Any other
 * record goes through Jackson (its data still copied raw when it was not touched).
 */
final class RecordRenamer {

  private static final byte[] DATA = ",\"data\":".getBytes(StandardCharsets.UTF_8);
  private static final byte[] END = "}}".getBytes(StandardCharsets.UTF_8);

  private final byte[] prefix;

  RecordRenamer(StreamDescriptor destination) {
    String ns = destination.getNamespace() == null ? "" : "\"namespace\":" + Jsons.serialize(destination.getNamespace()) + ",";
    this.prefix = ("{\"type\":\"RECORD\",\"record\":{" + ns + "\"stream\":" + Jsons.serialize(destination.getName())
        + ",\"emitted_at\":").getBytes(StandardCharsets.UTF_8);
  }

  RawJson rename(AirbyteMessage message, StreamRoute route) {
    AirbyteRecordMessage record = message.getRecord();
    RawJson data = record.getRawData();
    if (data != null && record.getEmittedAt() != null && record.getMeta() == null && record.getFileReference() == null
        && record.getAdditionalProperties().isEmpty() && message.getAdditionalProperties().isEmpty()) {
      byte[] emittedAt = Long.toString(record.getEmittedAt()).getBytes(StandardCharsets.US_ASCII);
      ByteBuffer out = ByteBuffer.allocate(prefix.length + emittedAt.length + DATA.length + data.length() + END.length);
      out.put(prefix).put(emittedAt).put(DATA).put(data.bytes()).put(END);
      return new RawJson(out.array(), 0, out.capacity());
    }
    record.setNamespace(route.destination().getNamespace());
    record.setStream(route.destination().getName());
    return line(message);
  }

  /** A message written as one protocol line (a record's untouched data is copied raw, not re-encoded). */
  static RawJson line(AirbyteMessage message) {
    try {
      byte[] bytes = Jsons.mapper().writeValueAsBytes(message);
      return new RawJson(bytes, 0, bytes.length);
    } catch (IOException e) {
      throw new IllegalStateException("cannot write a " + message.getType() + " message", e);
    }
  }
}
