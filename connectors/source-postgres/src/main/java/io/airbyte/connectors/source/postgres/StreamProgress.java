package io.airbyte.connectors.source.postgres;

import io.airbyte.protocol.rows.CopyTextRow;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.airbyte.connector.kit.Emitter;
import io.airbyte.protocol.models.AirbyteStreamStatus;
import io.airbyte.protocol.models.StreamDescriptor;
import io.airbyte.protocol.rows.TypedRowBuilder;

/** Emits the records, statuses and states of one stream, and counts what each state covers. */
final class StreamProgress {

  private final Emitter output;
  private final StreamDescriptor stream;
  private final RowWriter rows;
  private final StateSink states;
  private long sinceState;
  private long total;
  private TypedRowBuilder typedRows;
  private int ref;

  StreamProgress(Emitter output, StreamDescriptor stream, RowWriter rows, StateSink states) {
    this.output = output;
    this.stream = stream;
    this.rows = rows;
    this.states = states;
  }

  void record(CopyTextRow row) {
    if (total == 0) {
      output.streamStatus(stream, AirbyteStreamStatus.RUNNING);
      if (output.typedRows() && rows.typedRows()) {
        typedRows = new TypedRowBuilder();
        ref = output.nextTypedRowStream();
        byte[] declaration = rows.declaration(ref, stream).toLine();
        output.typedRow(declaration, declaration.length);
      }
    }
    if (typedRows != null) {
      rows.writeRow(row, typedRows.row(ref, output.millis()));
      output.typedRow(typedRows.array(), typedRows.length());
    } else {
      output.record(stream.getNamespace(), stream.getName(), g -> rows.write(row, g));
    }
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
