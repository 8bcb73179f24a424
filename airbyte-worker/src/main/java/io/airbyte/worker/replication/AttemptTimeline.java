package io.airbyte.worker.replication;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * When the moments of one replication happened, in milliseconds from its start: both connectors launched, the
 * first record read from the source, the first message handed to the destination (a state or a stream status may
 * come before the first record), the first and the last state the destination committed, the end. Written by the
 * replication's threads, read once at the end for the attempt's log, where it shows what a sync spends before its
 * data moves (a connector JVM's start and its connection to the database come between its launch and its first
 * record).
 */
final class AttemptTimeline {

  private static final long UNSET = -1;

  private final Clock clock;
  private final long startMillis;
  private final AtomicLong destinationStarted = new AtomicLong(UNSET);
  private final AtomicLong sourceStarted = new AtomicLong(UNSET);
  private final AtomicLong firstRecordRead = new AtomicLong(UNSET);
  private final AtomicLong firstMessageToDestination = new AtomicLong(UNSET);
  private final AtomicLong firstStateCommitted = new AtomicLong(UNSET);
  private final AtomicLong lastStateCommitted = new AtomicLong(UNSET);

  AttemptTimeline(Clock clock, long startMillis) {
    this.clock = clock;
    this.startMillis = startMillis;
  }

  void destinationStarted() {
    first(destinationStarted);
  }

  void sourceStarted() {
    first(sourceStarted);
  }

  /** Called for every record: after the first, one volatile read. */
  void recordRead() {
    if (firstRecordRead.get() == UNSET) {
      first(firstRecordRead);
    }
  }

  void messageToDestination() {
    if (firstMessageToDestination.get() == UNSET) {
      first(firstMessageToDestination);
    }
  }

  void stateCommitted() {
    long now = clock.millis();
    firstStateCommitted.compareAndSet(UNSET, now);
    lastStateCommitted.set(now);
  }

  /** {@code destination started +0.31 s, source started +0.62 s, …, end +7.50 s}; moments that did not happen are left out. */
  String describe() {
    List<String> parts = new ArrayList<>();
    part(parts, "destination started", destinationStarted);
    part(parts, "source started", sourceStarted);
    part(parts, "first record read", firstRecordRead);
    part(parts, "first message to the destination", firstMessageToDestination);
    part(parts, "first state committed", firstStateCommitted);
    part(parts, "last state committed", lastStateCommitted);
    parts.add("end " + seconds(clock.millis()));
    return String.join(", ", parts);
  }

  private void first(AtomicLong moment) {
    moment.compareAndSet(UNSET, clock.millis());
  }

  private void part(List<String> parts, String name, AtomicLong moment) {
    long at = moment.get();
    if (at != UNSET) {
      parts.add(name + " " + seconds(at));
    }
  }

  private String seconds(long at) {
    return String.format(java.util.Locale.ROOT, "+%.2f s", (at - startMillis) / 1000.0);
  }
}
