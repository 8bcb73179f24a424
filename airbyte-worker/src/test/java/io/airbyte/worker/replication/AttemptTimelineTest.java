package io.airbyte.worker.replication;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class AttemptTimelineTest {

  @Test
  void theMomentsReadInSecondsFromTheStartAndOnlyTheFirstRecordAndTheLastCommitCount() {
    StepClock clock = new StepClock();
    AttemptTimeline timeline = new AttemptTimeline(clock, clock.millis());
    clock.at(310);
    timeline.destinationStarted();
    clock.at(620);
    timeline.sourceStarted();
    clock.at(1200);
    timeline.recordRead();
    clock.at(1210);
    timeline.messageToDestination();
    clock.at(1500);
    timeline.recordRead();
    timeline.messageToDestination();
    clock.at(3100);
    timeline.stateCommitted();
    clock.at(7400);
    timeline.stateCommitted();
    clock.at(7500);
    assertThat(timeline.describe()).isEqualTo("destination started +0.31 s, source started +0.62 s, first record read +1.20 s,"
        + " first message to the destination +1.21 s, first state committed +3.10 s, last state committed +7.40 s, end +7.50 s");
  }

  @Test
  void momentsThatDidNotHappenAreLeftOut() {
    StepClock clock = new StepClock();
    AttemptTimeline timeline = new AttemptTimeline(clock, clock.millis());
    timeline.destinationStarted();
    clock.at(2000);
    assertThat(timeline.describe()).isEqualTo("destination started +0.00 s, end +2.00 s");
  }

  private static final class StepClock extends Clock {
    private final long start = Instant.parse("2026-12-03T12:00:00Z").toEpochMilli();
    private long offset;

    void at(long millis) {
      offset = millis;
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return Instant.ofEpochMilli(start + offset);
    }
  }
}
