package io.airbyte.worker.replication;

import io.airbyte.contract.stats.StreamStatistics;
import io.airbyte.protocol.models.StreamDescriptor;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Live counters of one stream (source names), and the last status its source reported; written by
 * the engine's threads, read by anyone as {@link StreamStatistics}.
 */
final class StreamCounters {

  final StreamDescriptor stream;
  final AtomicLong recordsEmitted = new AtomicLong();
  final AtomicLong bytesEmitted = new AtomicLong();
  final AtomicLong recordsCommitted = new AtomicLong();
  final AtomicLong bytesCommitted = new AtomicLong();
  final AtomicLong estimatedRecords = new AtomicLong(-1);
  final AtomicLong estimatedBytes = new AtomicLong(-1);
  volatile String status;
  /** Records since this stream's last state; the source thread's alone. */
  long sinceState;

  StreamCounters(StreamDescriptor stream) {
    this.stream = stream;
  }

  /** Committed counts only grow: a commit never takes back an earlier one. */
  void commitUpTo(long records, long bytes) {
    recordsCommitted.accumulateAndGet(records, Math::max);
    bytesCommitted.accumulateAndGet(bytes, Math::max);
  }

  StreamStatistics snapshot() {
    long er = estimatedRecords.get();
    long eb = estimatedBytes.get();
    return new StreamStatistics(stream.getNamespace(), stream.getName(), recordsEmitted.get(), bytesEmitted.get(),
        recordsCommitted.get(), bytesCommitted.get(), er < 0 ? null : er, eb < 0 ? null : eb);
  }
}
