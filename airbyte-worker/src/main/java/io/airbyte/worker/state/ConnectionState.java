package io.airbyte.worker.state;

import io.airbyte.protocol.models.AirbyteStateMessage;
import io.airbyte.protocol.models.AirbyteStateType;
import io.airbyte.protocol.models.AirbyteStreamState;
import io.airbyte.protocol.models.StreamDescriptor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The committed state of a connection, as the source reads it back ({@code --state}): the latest
 * STREAM state of every stream, or the latest GLOBAL state, or the latest LEGACY state. Immutable;
 * {@link #apply} gives the state after one more committed message. A message of another type than
 * the current one replaces everything (a connector that moved from LEGACY to STREAM, say).
 */
public final class ConnectionState {

  private static final ConnectionState EMPTY = new ConnectionState(null, Map.of(), null);

  private final AirbyteStateType type;
  private final Map<StreamDescriptor, AirbyteStateMessage> streams;
  private final AirbyteStateMessage single;

  private ConnectionState(AirbyteStateType type, Map<StreamDescriptor, AirbyteStateMessage> streams,
      AirbyteStateMessage single) {
    this.type = type;
    this.streams = streams;
    this.single = single;
  }

  public static ConnectionState empty() {
    return EMPTY;
  }

  public static ConnectionState of(Collection<AirbyteStateMessage> messages) {
    ConnectionState state = EMPTY;
    for (AirbyteStateMessage message : messages) {
      state = state.apply(message);
    }
    return state;
  }

  public static AirbyteStateType typeOf(AirbyteStateMessage message) {
    return message.getType() == null ? AirbyteStateType.LEGACY : message.getType();
  }

  /** The state after {@code message} is committed; stats are not kept. */
  public ConnectionState apply(AirbyteStateMessage message) {
    AirbyteStateType messageType = typeOf(message);
    AirbyteStateMessage stored = withoutStats(message);
    if (messageType != AirbyteStateType.STREAM) {
      return new ConnectionState(messageType, Map.of(), stored);
    }
    StreamDescriptor stream = message.getStream() == null ? null : message.getStream().getStreamDescriptor();
    if (stream == null) {
      throw new IllegalArgumentException("a STREAM state without stream_descriptor");
    }
    Map<StreamDescriptor, AirbyteStateMessage> next = new LinkedHashMap<>(type == AirbyteStateType.STREAM ? streams : Map.of());
    next.put(stream, stored);
    return new ConnectionState(AirbyteStateType.STREAM, Map.copyOf(next), null);
  }

  /** The state without what it holds for {@code removed} (reset, clear, or a new full refresh). */
  public ConnectionState withoutStreams(Set<StreamDescriptor> removed) {
    if (removed.isEmpty() || type == null) {
      return this;
    }
    if (type == AirbyteStateType.STREAM) {
      Map<StreamDescriptor, AirbyteStateMessage> next = new LinkedHashMap<>(streams);
      next.keySet().removeAll(removed);
      return next.isEmpty() ? EMPTY : new ConnectionState(type, Map.copyOf(next), null);
    }
    if (type == AirbyteStateType.GLOBAL && single.getGlobal() != null) {
      List<AirbyteStreamState> kept = new ArrayList<>();
      for (AirbyteStreamState s : single.getGlobal().getStreamStates()) {
        if (!removed.contains(s.getStreamDescriptor())) {
          kept.add(s);
        }
      }
      if (kept.isEmpty()) {
        return EMPTY;
      }
      AirbyteStateMessage copy = copy(single);
      copy.getGlobal().setStreamStates(kept);
      return new ConnectionState(type, Map.of(), copy);
    }
    // a LEGACY state is one blob: it cannot be cut by stream, so it goes entirely
    return EMPTY;
  }

  public boolean isEmpty() {
    return type == null;
  }

  public AirbyteStateType type() {
    return type;
  }

  /** The messages to give the source, in a stable order. */
  public List<AirbyteStateMessage> messages() {
    if (type == null) {
      return List.of();
    }
    if (type != AirbyteStateType.STREAM) {
      return List.of(single);
    }
    return streams.entrySet().stream()
        .sorted(Map.Entry.comparingByKey(java.util.Comparator.comparing((StreamDescriptor d) -> String.valueOf(d.getNamespace()))
            .thenComparing(d -> String.valueOf(d.getName()))))
        .map(Map.Entry::getValue)
        .toList();
  }

  /** A copy without sourceStats and destinationStats: what two copies of one state have in common. */
  public static AirbyteStateMessage withoutStats(AirbyteStateMessage message) {
    AirbyteStateMessage copy = copy(message);
    copy.setSourceStats(null);
    copy.setDestinationStats(null);
    return copy;
  }

  private static AirbyteStateMessage copy(AirbyteStateMessage message) {
    return io.airbyte.protocol.json.Jsons.convert(message, AirbyteStateMessage.class);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ConnectionState other && messages().equals(other.messages());
  }

  @Override
  public int hashCode() {
    return messages().hashCode();
  }

  @Override
  public String toString() {
    return "ConnectionState" + messages();
  }
}
