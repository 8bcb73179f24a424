package io.airbyte.connectors.source.postgres;

import io.airbyte.connector.kit.Emitter;
import io.airbyte.connector.kit.OutputSegment;
import io.airbyte.protocol.models.AirbyteStreamStatus;
import io.airbyte.protocol.models.StreamDescriptor;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The output of a parallel read: segments committed whole ({@link Emitter#segment()}), the
 * streams whose messages reached the platform and those that completed, and the first failure,
 * after which no segment is committed any more (the other tasks stop at their next state). A task
 * gives its segment back when it is done, and the next task takes it with the buffer it grew to: one
 * buffer per worker for the whole read, not one per range of pages (each grown anew, then garbage).
 */
final class Segments {

  private final Emitter output;
  private final Map<StreamDescriptor, Boolean> started = new ConcurrentHashMap<>();
  private final AtomicReference<Throwable> failure = new AtomicReference<>();
  private final Queue<OutputSegment> free = new ConcurrentLinkedQueue<>();

  Segments(Emitter output) {
    this.output = output;
  }

  Emitter output() {
    return output;
  }

  /** A segment holding nothing: one given back by a task that is done, or a new one. */
  OutputSegment open() {
    OutputSegment segment = free.poll();
    return segment != null ? segment : output.segment();
  }

  /** The task is done with the segment, which it committed: the next task may take it. */
  void close(OutputSegment segment) {
    if (segment.pendingBytes() != 0) {
      throw new IllegalStateException("a segment closed with messages not committed");
    }
    free.add(segment);
  }

  /** Writes the segment's messages (of {@code stream}) to the output, unless the read failed. */
  void commit(OutputSegment segment, StreamDescriptor stream) {
    if (failure.get() != null) {
      throw new IllegalStateException("the read stopped: another of its tasks failed");
    }
    started.putIfAbsent(stream, false);
    segment.commit();
  }

  /** The stream's messages began on the output (e.g. STARTED written directly). */
  void started(StreamDescriptor stream) {
    started.putIfAbsent(stream, false);
  }

  void completed(StreamDescriptor stream) {
    started.put(stream, true);
  }

  /** Records the first failure; false when there was one already. */
  boolean fail(Throwable error) {
    return failure.compareAndSet(null, error);
  }

  Throwable failure() {
    return failure.get();
  }

  /** After a failure: INCOMPLETE for every stream that began on the output and did not complete. */
  void incomplete() {
    started.forEach((stream, complete) -> {
      if (!complete) {
        output.streamStatus(stream, AirbyteStreamStatus.INCOMPLETE);
      }
    });
  }
}
