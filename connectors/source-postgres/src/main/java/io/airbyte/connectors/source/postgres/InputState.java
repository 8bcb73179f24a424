package io.airbyte.connectors.source.postgres;

import com.fasterxml.jackson.databind.JsonNode;
import io.airbyte.protocol.models.StreamDescriptor;
import java.util.HashMap;
import java.util.Map;
import java.util.logging.Logger;

/** The state a read starts from, per stream: the {@code stream_state} of STREAM (or GLOBAL) state messages. */
final class InputState {

  private static final Logger LOG = Logger.getLogger(InputState.class.getName());

  private final Map<String, JsonNode> byStream = new HashMap<>();

  static InputState parse(JsonNode state) {
    InputState input = new InputState();
    if (state == null || state.isNull() || state.isMissingNode()) {
      return input;
    }
    if (!state.isArray()) {
      LOG.warning("the state is a legacy state object, which this connector does not read: every stream starts from"
          + " the beginning");
      return input;
    }
    for (JsonNode message : state) {
      String type = message.path("type").asText("STREAM");
      if ("STREAM".equals(type)) {
        input.put(message.path("stream"));
      } else if ("GLOBAL".equals(type)) {
        message.path("global").path("stream_states").forEach(input::put);
      } else {
        LOG.warning("ignoring a state of type " + type);
      }
    }
    return input;
  }

  private void put(JsonNode streamState) {
    JsonNode descriptor = streamState.path("stream_descriptor");
    JsonNode value = streamState.get("stream_state");
    if (descriptor.hasNonNull("name") && value != null && !value.isNull()) {
      byStream.put(key(descriptor.path("namespace").asText(null), descriptor.get("name").asText()), value);
    }
  }

  /** Sets a stream's state (null: none). */
  void set(StreamDescriptor stream, JsonNode value) {
    if (value != null) {
      byStream.put(key(stream.getNamespace(), stream.getName()), value);
    }
  }

  /** The stream's state, or null. */
  JsonNode get(StreamDescriptor stream) {
    return byStream.get(key(stream.getNamespace(), stream.getName()));
  }

  private static String key(String namespace, String name) {
    return (namespace == null ? "" : namespace) + "\u0000" + name;
  }
}
