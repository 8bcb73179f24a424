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
  private final boolean announces;
  private long sinceState;
  private long total;
  private TypedRowBuilder typedRows;
  private int ref;

  StreamProgress(Emitter output, StreamDescriptor stream, RowWriter rows, StateSink states) {
    this(output, stream, rows, states, true, -1);
  }

  private StreamProgress(Emitter output, StreamDescriptor stream, RowWriter rows, StateSink states, boolean announces,
      int ref) {
    this.output = output;
    this.stream = stream;
    this.rows = rows;
    this.states = states;
    this.announces = announces;
    this.ref = ref;
  }

  /**
   * A part of a stream, read apart from its other parts (a partition): the stream announces itself
   * ({@link #announce}) and numbers its typed rows ({@link #typedRowStream}, -1 for JSON records).
   */
  static StreamProgress part(Emitter output, StreamDescriptor stream, RowWriter rows, StateSink states, int ref) {
    return new StreamProgress(output, stream, rows, states, false, ref);
  }

  /** The typed-rows number of a stream whose rows {@code rows} writes, or -1 when its records go as JSON. */
  static int typedRowStream(Emitter output, RowWriter rows) {
    return output.typedRows() && rows.typedRows() ? output.nextTypedRowStream() : -1;
  }

  /** Tells that a stream's records begin: RUNNING, then the stream line of its typed rows (ref -1: none). */
  static void announce(Emitter output, StreamDescriptor stream, RowWriter rows, int ref) {
    output.streamStatus(stream, AirbyteStreamStatus.RUNNING);
    if (ref >= 0) {
      byte[] declaration = rows.declaration(ref, stream).toLine();
      output.typedRow(declaration, declaration.length);
    }
  }

  void record(CopyTextRow row) {
    if (total == 0 && announces) {
      ref = typedRowStream(output, rows);
      announce(output, stream, rows, ref);
    }
    if (ref >= 0) {
      if (typedRows == null) {
        typedRows = new TypedRowBuilder();
      }
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
