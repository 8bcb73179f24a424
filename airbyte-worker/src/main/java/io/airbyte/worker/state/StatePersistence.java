package io.airbyte.worker.state;

import io.airbyte.protocol.models.AirbyteStateMessage;
import java.util.List;

/**
 * Where a connection's committed state lives. The replication engine hands a state here only once
 * the destination has echoed it, i.e. once every record before it is durably in the destination.
 */
public interface StatePersistence {

  /** Commits {@code states}, in order, on top of the connection's current state. */
  void commit(String connectionId, List<AirbyteStateMessage> states);

  /** The connection's committed state. */
  ConnectionState current(String connectionId);

  /** Replaces the connection's state (reset and clear write the state minus their streams). */
  void replace(String connectionId, ConnectionState state);
}
