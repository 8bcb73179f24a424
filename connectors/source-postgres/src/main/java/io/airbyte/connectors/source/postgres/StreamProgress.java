package io.airbyte.connectors.source.postgres;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.airbyte.connector.kit.Emitter;
import io.airbyte.protocol.models.AirbyteStreamStatus;
import io.airbyte.protocol.models.StreamDescriptor;

/** Emits the records, statuses and states of one stream, and counts what each state covers. */
final class StreamProgress {

  private final Emitter output;
  private final StreamDescriptor stream;
  private final RowWriter rows;
  private final StateSink states;
  private long sinceState;
  private long total;

  StreamProgress(Emitter output, StreamDescriptor stream, RowWriter rows, StateSink states) {
    this.output = output;
    this.stream = stream;
    this.rows = rows;
    this.states = states;
  }

  void record(CopyRow row) {
    if (total == 0) {
      output.streamStatus(stream, AirbyteStreamStatus.RUNNING);
    }
    output.record(stream.getNamespace(), stream.getName(), g -> rows.write(row, g));
    sinceState++;
    total++;
  }

  StreamDescriptor stream() {
    return stream;
  }

  long sinceState() {
    return sinceState;
  }

  long total() {
    return total;
  }

  void state(ObjectNode streamState) {
    states.state(stream, streamState, sinceState);
    sinceState = 0;
  }
}
