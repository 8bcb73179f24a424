package io.airbyte.connectors.source.postgres;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.airbyte.connector.kit.Emitter;
import io.airbyte.protocol.models.AirbyteStateMessage;
import io.airbyte.protocol.models.AirbyteStateStats;
import io.airbyte.protocol.models.AirbyteStateType;
import io.airbyte.protocol.models.AirbyteStreamState;
import io.airbyte.protocol.models.AirbyteStreamStatus;
import io.airbyte.protocol.models.StreamDescriptor;

/** Emits the records, statuses and states of one stream, and counts what each state covers. */
final class StreamProgress {

  private final Emitter output;
  private final StreamDescriptor stream;
  private final RowWriter rows;
  private long sinceState;
  private long total;

  StreamProgress(Emitter output, StreamDescriptor stream, RowWriter rows) {
    this.output = output;
    this.stream = stream;
    this.rows = rows;
  }

  void record(CopyRow row) {
    if (total == 0) {
      output.streamStatus(stream, AirbyteStreamStatus.RUNNING);
    }
    output.record(stream.getNamespace(), stream.getName(), g -> rows.write(row, g));
    sinceState++;
    total++;
  }

  long sinceState() {
    return sinceState;
  }

  long total() {
    return total;
  }

  void state(ObjectNode streamState) {
    output.state(new AirbyteStateMessage().withType(AirbyteStateType.STREAM)
        .withStream(new AirbyteStreamState().withStreamDescriptor(stream).withStreamState(streamState))
        .withSourceStats(new AirbyteStateStats().withRecordCount((double) sinceState)));
    sinceState = 0;
  }
}
