package io.airbyte.connectors.source.postgres;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.airbyte.connector.kit.Emitter;
import io.airbyte.protocol.json.Jsons;
import io.airbyte.protocol.models.AirbyteGlobalState;
import io.airbyte.protocol.models.AirbyteStateMessage;
import io.airbyte.protocol.models.AirbyteStateStats;
import io.airbyte.protocol.models.AirbyteStateType;
import io.airbyte.protocol.models.AirbyteStreamState;
import io.airbyte.protocol.models.StreamDescriptor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * A CDC connection's state, as Airbyte's: one GLOBAL state whose shared state is the slot's
 * position read up to ({@code lsn}: every change committed before it has been emitted), with each
 * stream's own state (its initial load's progress and snapshot). Every state emitted carries all
 * of it, so the destination's commit of a state commits one consistent position.
 */
final class CdcState implements StateSink {

  private static final Logger LOG = Logger.getLogger(CdcState.class.getName());

  private final Emitter output;
  private final String slot;
  private final Map<String, AirbyteStreamState> streams = new LinkedHashMap<>();
  private Long lsn;

  private CdcState(Emitter output, String slot) {
    this.output = output;
    this.slot = slot;
  }

  /** The state of the previous sync (the STATE argument of {@code read}), or an empty one. */
  static CdcState from(JsonNode state, String slot, Emitter output) {
    CdcState cdc = new CdcState(output, slot);
    if (state == null || !state.isArray()) {
      return cdc;
    }
    for (JsonNode message : state) {
      if (!"GLOBAL".equals(message.path("type").asText())) {
        LOG.warning("ignoring a " + message.path("type").asText("legacy") + " state: a CDC connection has a GLOBAL"
            + " state (the streams are loaded again)");
        continue;
      }
      JsonNode shared = message.path("global").path("shared_state");
      if (shared.hasNonNull("lsn")) {
        if (!slot.equals(shared.path("slot").asText(slot))) {
          LOG.warning("the state is of slot '" + shared.path("slot").asText() + "', not of '" + slot
              + "': the streams are loaded again");
          return new CdcState(output, slot);
        }
        cdc.lsn = shared.get("lsn").asLong();
      }
      for (JsonNode s : message.path("global").path("stream_states")) {
        AirbyteStreamState streamState = Jsons.convert(s, AirbyteStreamState.class);
        if (streamState.getStreamDescriptor() != null && streamState.getStreamState() instanceof ObjectNode) {
          cdc.streams.put(key(streamState.getStreamDescriptor()), streamState);
        }
      }
    }
    return cdc;
  }

  /** The position read up to, or null before the first sync. */
  Long lsn() {
    return lsn;
  }

  void lsn(long position) {
    lsn = position;
  }

  /** Forgets every stream's state (a resync). */
  void clearStreams() {
    streams.clear();
  }

  /** Keeps only these streams' states (those of the configured catalog). */
  void retain(List<StreamDescriptor> configured) {
    List<String> keys = configured.stream().map(CdcState::key).toList();
    streams.keySet().retainAll(keys);
  }

  /** The stream's state, or null. */
  ObjectNode get(StreamDescriptor stream) {
    AirbyteStreamState s = streams.get(key(stream));
    return s == null ? null : (ObjectNode) s.getStreamState();
  }

  void put(StreamDescriptor stream, ObjectNode streamState) {
    streams.put(key(stream), new AirbyteStreamState().withStreamDescriptor(stream).withStreamState(streamState));
  }

  @Override
  public void state(StreamDescriptor stream, ObjectNode streamState, long records) {
    ObjectNode previous = get(stream);
    if (previous != null && previous.has("cdc_snapshot") && !streamState.has("cdc_snapshot")) {
      streamState.set("cdc_snapshot", previous.get("cdc_snapshot"));
    }
    put(stream, streamState);
    emit(records);
  }

  /** Emits the state as it is now. */
  void emit(long records) {
    ObjectNode shared = Jsons.object().put("version", 1).put("slot", slot);
    if (lsn != null) {
      shared.put("lsn", lsn);
    }
    output.state(new AirbyteStateMessage().withType(AirbyteStateType.GLOBAL)
        .withGlobal(new AirbyteGlobalState().withSharedState(shared).withStreamStates(new ArrayList<>(streams.values())))
        .withSourceStats(new AirbyteStateStats().withRecordCount((double) records)));
  }

  private static String key(StreamDescriptor stream) {
    return (stream.getNamespace() == null ? "" : stream.getNamespace()) + "\u0000" + stream.getName();
  }
}
