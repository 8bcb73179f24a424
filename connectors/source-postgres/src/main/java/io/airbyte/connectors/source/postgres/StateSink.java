package io.airbyte.connectors.source.postgres;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.airbyte.connector.kit.Emitter;
import io.airbyte.protocol.models.AirbyteStateMessage;
import io.airbyte.protocol.models.AirbyteStateStats;
import io.airbyte.protocol.models.AirbyteStateType;
import io.airbyte.protocol.models.AirbyteStreamState;
import io.airbyte.protocol.models.StreamDescriptor;

/** Where the state of a stream goes: a STREAM state of its own, or (CDC) the connection's GLOBAL state. */
@FunctionalInterface
interface StateSink {

  /** @param records the records of the stream since its previous state */
  void state(StreamDescriptor stream, ObjectNode streamState, long records);

  /** Each stream's state as a STREAM state message. */
  static StateSink perStream(Emitter output) {
    return (stream, streamState, records) -> output.state(new AirbyteStateMessage().withType(AirbyteStateType.STREAM)
        .withStream(new AirbyteStreamState().withStreamDescriptor(stream).withStreamState(streamState))
        .withSourceStats(new AirbyteStateStats().withRecordCount((double) records)));
  }
}
