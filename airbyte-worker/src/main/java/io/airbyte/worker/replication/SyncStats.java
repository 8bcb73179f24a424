package io.airbyte.worker.replication;

import io.airbyte.contract.stats.StreamStatistics;
import io.airbyte.protocol.models.StreamDescriptor;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** The live statistics of one attempt. */
final class SyncStats {

  private final Map<StreamDescriptor, StreamCounters> streams = new ConcurrentHashMap<>();
  final AtomicLong statesEmitted = new AtomicLong();
  final AtomicLong statesCommitted = new AtomicLong();
  final AtomicLong malformedSourceLines = new AtomicLong();
  final AtomicLong malformedDestinationLines = new AtomicLong();
  private final Clock clock;
  private final long startMillis;
  final AttemptTimeline timeline;

  SyncStats(Clock clock) {
    this.clock = clock;
    this.startMillis = clock.millis();
    this.timeline = new AttemptTimeline(clock, startMillis);
  }

  StreamCounters stream(StreamDescriptor descriptor) {
    return streams.computeIfAbsent(descriptor, StreamCounters::new);
  }

  void forEachStream(java.util.function.Consumer<StreamCounters> action) {
    streams.values().forEach(action);
  }

  /** Emitted counts of every stream now: what a state sent now covers. */
  Map<StreamDescriptor, long[]> emittedNow() {
    Map<StreamDescriptor, long[]> now = new HashMap<>();
    streams.forEach((d, s) -> now.put(d, new long[] {s.recordsEmitted.get(), s.bytesEmitted.get()}));
    return now;
  }

  void commit(Map<StreamDescriptor, long[]> emittedThen) {
    emittedThen.forEach((d, counts) -> stream(d).commitUpTo(counts[0], counts[1]));
  }

  /** At a successful end everything emitted is committed. */
  void commitAll() {
    commit(emittedNow());
  }

  SyncProgress snapshot() {
    List<StreamStatistics> list = new ArrayList<>();
    Map<StreamDescriptor, String> statuses = new HashMap<>();
    streams.forEach((d, s) -> {
      list.add(s.snapshot());
      if (s.status != null) {
        statuses.put(d, s.status);
      }
    });
    list.sort(Comparator.comparing((StreamStatistics p) -> String.valueOf(p.streamNamespace()))
        .thenComparing(StreamStatistics::streamName));
    return SyncProgress.of(list, statuses, statesEmitted.get(), statesCommitted.get(), malformedSourceLines.get(),
        malformedDestinationLines.get(), clock.millis() - startMillis);
  }
}
