package io.airbyte.worker.replication;

import io.airbyte.protocol.models.AirbyteStateMessage;
import io.airbyte.protocol.models.StreamDescriptor;
import io.airbyte.worker.log.AttemptLog;
import io.airbyte.worker.state.ConnectionState;
import io.airbyte.worker.state.StatePersistence;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Follows each state from the source to the destination's echo. A state is committed (handed to
 * the {@link StatePersistence}) only when the destination echoes it; since a destination commits in
 * order, an echo also commits the states sent before it that the destination folded into it. The
 * records counted by the platform are compared with the {@code sourceStats} and {@code
 * destinationStats} of the state; a mismatch is logged as a warning.
 */
final class StateTracker {

  private record Pending(AirbyteStateMessage original, AirbyteStateMessage key, Map<StreamDescriptor, long[]> emitted,
      long platformCount) {}

  private final ArrayDeque<Pending> pending = new ArrayDeque<>();
  private final StatePersistence persistence;
  private final String connectionId;
  private final SyncStats stats;
  private final AttemptLog log;
  private AirbyteStateMessage lastCommitted;

  StateTracker(StatePersistence persistence, String connectionId, SyncStats stats, AttemptLog log) {
    this.persistence = persistence;
    this.connectionId = connectionId;
    this.stats = stats;
    this.log = log;
  }

  /** The source emitted {@code original}, sent on as {@code forDestination}; {@code platformCount} records preceded it. */
  synchronized void sent(AirbyteStateMessage original, AirbyteStateMessage forDestination, long platformCount) {
    Double reported = original.getSourceStats() == null ? null : original.getSourceStats().getRecordCount();
    if (reported != null && reported.longValue() != platformCount) {
      log.platformWarn("The source's state reports " + reported.longValue() + " records (sourceStats.recordCount) but "
          + platformCount + " records came before it" + describe(original));
    }
    pending.addLast(new Pending(original, ConnectionState.withoutStats(forDestination), stats.emittedNow(), platformCount));
    stats.statesEmitted.incrementAndGet();
  }

  /** The destination echoed {@code echoed}: commits it and the states before it. False when it matches none sent. */
  boolean echoed(AirbyteStateMessage echoed) {
    List<AirbyteStateMessage> committed = new ArrayList<>();
    Pending last = null;
    long platformCount = 0;
    synchronized (this) {
      AirbyteStateMessage key = ConnectionState.withoutStats(echoed);
      int index = 0;
      int found = -1;
      for (Iterator<Pending> it = pending.iterator(); it.hasNext(); index++) {
        if (it.next().key().equals(key)) {
          found = index;
          break;
        }
      }
      if (found < 0) {
        log.platformWarn("The destination emitted a state the source did not send; it is ignored" + describe(echoed));
        return false;
      }
      for (int i = 0; i <= found; i++) {
        last = pending.removeFirst();
        committed.add(last.original());
        platformCount += last.platformCount();
      }
    }
    // the persistence may be slow (a database): the source thread does not wait for it
    persistence.commit(connectionId, committed);
    synchronized (this) {
      lastCommitted = committed.get(committed.size() - 1);
    }
    stats.commit(last.emitted());
    stats.statesCommitted.addAndGet(committed.size());
    stats.timeline.stateCommitted();
    Double reported = echoed.getDestinationStats() == null ? null : echoed.getDestinationStats().getRecordCount();
    if (reported != null && reported.longValue() != platformCount) {
      log.platformWarn("The destination's state reports " + reported.longValue() + " records (destinationStats.recordCount) but "
          + platformCount + " records were sent before it" + describe(echoed));
    }
    return true;
  }

  synchronized int pendingCount() {
    return pending.size();
  }

  synchronized AirbyteStateMessage lastCommitted() {
    return lastCommitted;
  }

  private static String describe(AirbyteStateMessage state) {
    if (state.getStream() != null && state.getStream().getStreamDescriptor() != null) {
      StreamDescriptor d = state.getStream().getStreamDescriptor();
      return " (stream " + (d.getNamespace() == null ? "" : d.getNamespace() + ".") + d.getName() + ")";
    }
    return " (" + ConnectionState.typeOf(state) + " state)";
  }
}
