package io.airbyte.worker.state;

import io.airbyte.db.state.StateRepository;
import io.airbyte.protocol.models.AirbyteStateMessage;
import io.airbyte.protocol.models.AirbyteStateType;
import java.util.List;
import java.util.UUID;

/**
 * State in the metadata database, with the semantics of {@link ConnectionState#apply}: a STREAM
 * state writes its stream's row (and drops a GLOBAL or LEGACY row); a GLOBAL or LEGACY state
 * replaces every row, in one transaction.
 */
public final class DatabaseStatePersistence implements StatePersistence {

  private final StateRepository states;

  public DatabaseStatePersistence(StateRepository states) {
    this.states = states;
  }

  @Override
  public void commit(String connectionId, List<AirbyteStateMessage> committed) {
    UUID id = UUID.fromString(connectionId);
    for (AirbyteStateMessage message : committed) {
      AirbyteStateMessage stored = ConnectionState.withoutStats(message);
      if (ConnectionState.typeOf(message) == AirbyteStateType.STREAM) {
        // the same as ConnectionState.apply: merged with the other streams' rows, replacing a GLOBAL or LEGACY row
        states.upsertStream(id, stored);
      } else {
        states.replace(id, List.of(stored));
      }
    }
  }

  @Override
  public ConnectionState current(String connectionId) {
    return ConnectionState.of(states.read(UUID.fromString(connectionId)));
  }

  @Override
  public void replace(String connectionId, ConnectionState state) {
    states.replace(UUID.fromString(connectionId), state.messages());
  }
}
