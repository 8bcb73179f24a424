package io.airbyte.connectors.source.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.airbyte.connector.kit.Emitter;
import io.airbyte.connector.kit.OutputSegment;
import io.airbyte.protocol.codec.AirbyteMessageWriter;
import io.airbyte.protocol.models.StreamDescriptor;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.junit.jupiter.api.Test;

class SegmentsTest {

  private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
  private final Segments segments = new Segments(new Emitter(new AirbyteMessageWriter(stdout), Clock.systemUTC()));
  private final StreamDescriptor stream = new StreamDescriptor().withNamespace("public").withName("t");

  @Test
  void aClosedSegmentIsTakenByTheNextTaskAndCarriesNothingOfItsLastUse() {
    OutputSegment first = segments.open();
    first.output().record("public", "t", JsonNodeFactory.instance.objectNode().put("id", 1));
    segments.commit(first, stream);
    segments.close(first);

    OutputSegment next = segments.open();
    assertThat(next).isSameAs(first);
    assertThat(next.pendingBytes()).isZero();
    next.output().record("public", "t", JsonNodeFactory.instance.objectNode().put("id", 2));
    segments.commit(next, stream);

    String written = stdout.toString(StandardCharsets.UTF_8);
    assertThat(written.lines()).hasSize(2);
    assertThat(written).contains("\"id\":1").contains("\"id\":2");
  }

  @Test
  void twoOpenSegmentsAreDistinct() {
    assertThat(segments.open()).isNotSameAs(segments.open());
  }

  @Test
  void aSegmentClosedWithMessagesNotCommittedIsRefused() {
    OutputSegment segment = segments.open();
    segment.output().record("public", "t", JsonNodeFactory.instance.objectNode().put("id", 1));
    assertThatThrownBy(() -> segments.close(segment)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("not committed");
    assertThat(stdout.size()).isZero();
  }
}
