package io.airbyte.worker.state;

import io.airbyte.protocol.models.ConfiguredAirbyteCatalog;
import io.airbyte.protocol.models.ConfiguredAirbyteStream;
import io.airbyte.protocol.models.StreamDescriptor;
import io.airbyte.protocol.models.SyncMode;
import java.util.Set;
import java.util.stream.Collectors;

/** The state an attempt starts from. */
public final class InputStates {

  private InputStates() {}

  /**
   * A full refresh reads its stream again in every job: the state a resumable full refresh left
   * serves the later attempts of the same job (to resume), never a new job. So the first attempt of
   * a job starts without the full refresh streams' states; incremental streams keep theirs.
   */
  public static ConnectionState forAttempt(ConnectionState committed, ConfiguredAirbyteCatalog catalog,
      boolean firstAttemptOfJob) {
    if (!firstAttemptOfJob) {
      return committed;
    }
    Set<StreamDescriptor> fullRefresh = catalog.getStreams().stream()
        .filter(s -> s.getSyncMode() == SyncMode.FULL_REFRESH)
        .map(InputStates::descriptor)
        .collect(Collectors.toSet());
    return committed.withoutStreams(fullRefresh);
  }

  /**
   * The state of an attempt, taken from {@code persistence}; at the first attempt of a job the
   * full refresh streams' states are also dropped from the persistence, so that a later attempt of
   * this job cannot fall back on what an earlier job left.
   */
  public static ConnectionState startAttempt(StatePersistence persistence, String connectionId,
      ConfiguredAirbyteCatalog catalog, boolean firstAttemptOfJob) {
    ConnectionState committed = persistence.current(connectionId);
    ConnectionState input = forAttempt(committed, catalog, firstAttemptOfJob);
    if (!input.equals(committed)) {
      persistence.replace(connectionId, input);
    }
    return input;
  }

  public static StreamDescriptor descriptor(ConfiguredAirbyteStream stream) {
    return new StreamDescriptor().withName(stream.getStream().getName()).withNamespace(stream.getStream().getNamespace());
  }
}
