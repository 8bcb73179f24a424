package io.airbyte.worker.state;

import io.airbyte.protocol.models.AirbyteStateMessage;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** State in memory: tests and throwaway runs. */
public final class InMemoryStatePersistence implements StatePersistence {

  private final ConcurrentMap<String, ConnectionState> states = new ConcurrentHashMap<>();

  @Override
  public void commit(String connectionId, List<AirbyteStateMessage> committed) {
    states.compute(connectionId, (id, current) -> {
      ConnectionState next = current == null ? ConnectionState.empty() : current;
      for (AirbyteStateMessage message : committed) {
        next = next.apply(message);
      }
      return next;
    });
  }

  @Override
  public ConnectionState current(String connectionId) {
    return states.getOrDefault(connectionId, ConnectionState.empty());
  }

  @Override
  public void replace(String connectionId, ConnectionState state) {
    states.put(connectionId, state);
  }
}
