package io.airbyte.connectors.source.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.airbyte.connectors.source.postgres.CtidRanges.Range;
import io.airbyte.protocol.json.Jsons;
import java.util.List;
import org.junit.jupiter.api.Test;

class CtidRangesTest {

  @Test
  void aTableIsCutIntoRangesAndTheLastRunsToTheEnd() {
    assertThat(CtidRanges.resume(null).todo(25, 10))
        .containsExactly(new Range(0, 10), new Range(10, 20), new Range(20, Range.END));
    assertThat(CtidRanges.resume(null).todo(0, 10)).containsExactly(new Range(0, Range.END));
    assertThat(new Range(10, 20).where()).isEqualTo("ctid >= '(10,0)'::tid AND ctid < '(20,0)'::tid");
    assertThat(new Range(20, Range.END).where()).isEqualTo("ctid >= '(20,0)'::tid");
  }

  @Test
  void rangesDoneOutOfOrderAreKeptAboveThePageAndNotReadAgain() {
    CtidRanges ranges = CtidRanges.resume(null);
    List<Range> todo = ranges.todo(50, 10);
    ranges.finish(todo.get(2));
    ranges.finish(todo.get(4));
    ObjectNode state = ranges.writeTo(Jsons.object().put("state_type", "ctid"));
    assertThat(state.get("page").asLong()).isZero();
    assertThat(Jsons.serialize(state.get("ranges_done"))).isEqualTo("[[20,30],[40,null]]");

    CtidRanges resumed = CtidRanges.resume(state);
    assertThat(resumed.todo(60, 10)).as("the table grew: its end was read already")
        .containsExactly(new Range(0, 10), new Range(10, 20), new Range(30, 40));
    resumed.finish(new Range(0, 10));
    resumed.finish(new Range(10, 20));
    assertThat(resumed.page()).as("the page moves over the ranges that join it").isEqualTo(30);
    assertThat(resumed.complete()).isFalse();
    resumed.finish(new Range(30, 40));
    assertThat(resumed.complete()).isTrue();
  }

  @Test
  void aSequentialStateIsJustItsPage() {
    CtidRanges ranges = CtidRanges.resume(Jsons.object().put("state_type", "ctid").put("page", 30));
    assertThat(ranges.started()).isTrue();
    assertThat(ranges.todo(45, 10)).containsExactly(new Range(30, 40), new Range(40, Range.END));
    ranges.finish(new Range(30, 40));
    assertThat(Jsons.serialize(ranges.writeTo(Jsons.object()))).isEqualTo("{\"page\":40}");
    assertThat(CtidRanges.resume(Jsons.object().put("state_type", "primary_key")).started()).isFalse();
  }
}
