package io.airbyte.connector.kit.destination;

import io.airbyte.connector.kit.ConfigErrorException;
import io.airbyte.connector.kit.Emitter;
import io.airbyte.connector.kit.MessageInput;
import io.airbyte.protocol.models.AirbyteMessage;
import io.airbyte.protocol.models.AirbyteRecordMessage;
import io.airbyte.protocol.models.AirbyteStateMessage;
import io.airbyte.protocol.models.AirbyteStateStats;
import io.airbyte.protocol.models.AirbyteStateType;
import io.airbyte.protocol.models.AirbyteStreamStatus;
import io.airbyte.protocol.models.AirbyteStreamStatusTraceMessage;
import io.airbyte.protocol.models.AirbyteTraceMessage;
import io.airbyte.protocol.models.StreamDescriptor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * One {@code write} of a destination with typed tables, whatever the database: records go into
 * their tables within one open transaction (the engine's {@link StreamLoader}s), committed
 * at each STATE (which is echoed only then, with the records it covers) and when a stream
 * completes (then the stream is finalized). When the input ends, what follows the last state is
 * committed only if the source never reported stream statuses (an older source: it cannot say it
 * failed); otherwise it is rolled back, because the next attempt reads it again from that state.
 */
public final class WriteSession {

  private static final Logger LOG = Logger.getLogger(WriteSession.class.getName());

  private final LoadTransaction transaction;
  private final Emitter output;
  private final List<StreamLoader> loaders = new ArrayList<>();
  private final Map<String, StreamLoader> byName = new HashMap<>();
  private final Map<String, StreamLoader> byNamespaceAndName = new HashMap<>();
  private long recordsSinceGlobalState;
  private boolean sawStreamStatus;
  private String lastNamespace;
  private String lastName;
  private StreamLoader lastFound;

  /**
   * @param loaders one per configured stream, prepared (tables exist); in catalog order
   */
  public WriteSession(LoadTransaction transaction, List<StreamLoader> loaders, Emitter output) {
    this.transaction = transaction;
    this.output = output;
    for (StreamLoader loader : loaders) {
      this.loaders.add(loader);
      StreamTarget target = loader.target();
      byName.merge(target.name(), loader, (a, b) -> null); // ambiguous names need the namespace
      byNamespaceAndName.put(key(target.namespace(), target.name()), loader);
    }
  }

  public void run(MessageInput input) throws Exception {
    // records are turned into rows in the pass that reads their line: no second parse of the data
    input.setRecordDataHandler((namespace, stream, parser, line) -> {
      StreamLoader loader = find(namespace, stream);
      if (loader == null) {
        return null;
      }
      loader.readData(parser, line);
      return loader;
    });
    input.setTypedRowHandler((stream, row) -> {
      StreamLoader loader = find(stream.namespace(), stream.name());
      if (loader == null) {
        return null;
      }
      loader.readRow(stream, row);
      return loader;
    });
    for (AirbyteMessage message = input.next(); message != null; message = input.next()) {
      switch (message.getType()) {
        case RECORD -> record(message.getRecord());
        case STATE -> state(message.getState());
        case TRACE -> trace(message.getTrace());
        default -> { }
      }
    }
    endOfInput();
  }

  private void record(AirbyteRecordMessage record) throws Exception {
    // a record read in the pass that read its line was read by its stream's loader
    StreamLoader loader = record.getConsumedBy() instanceof StreamLoader consumer ? consumer
        : find(record.getNamespace(), record.getStream());
    if (loader == null) {
      throw new ConfigErrorException("record of stream '" + (record.getNamespace() == null ? "" : record.getNamespace() + ".")
          + record.getStream() + "', which is not in the configured catalog");
    }
    loader.write(record);
    recordsSinceGlobalState++;
  }

  private void state(AirbyteStateMessage state) throws Exception {
    commit();
    long count;
    if (state.getType() == AirbyteStateType.STREAM && state.getStream() != null) {
      StreamDescriptor d = state.getStream().getStreamDescriptor();
      StreamLoader loader = find(d);
      count = loader == null ? 0 : loader.takeRecordsSinceState();
    } else {
      count = recordsSinceGlobalState;
      loaders.forEach(StreamLoader::takeRecordsSinceState);
    }
    recordsSinceGlobalState = state.getType() == AirbyteStateType.STREAM ? recordsSinceGlobalState : 0;
    output.state(state.withDestinationStats(new AirbyteStateStats().withRecordCount((double) count)));
  }

  private void trace(AirbyteTraceMessage trace) throws Exception {
    if (trace.getType() != AirbyteTraceMessage.Type.STREAM_STATUS || trace.getStreamStatus() == null) {
      return;
    }
    sawStreamStatus = true;
    AirbyteStreamStatusTraceMessage status = trace.getStreamStatus();
    if (status.getStatus() != AirbyteStreamStatus.COMPLETE) {
      return;
    }
    StreamLoader loader = find(status.getStreamDescriptor());
    if (loader == null || loader.complete()) {
      return;
    }
    commit();
    loader.finish();
    transaction.commit();
  }

  private void endOfInput() throws Exception {
    if (!sawStreamStatus) {
      commit();
      for (StreamLoader loader : loaders) {
        loader.finish();
        transaction.commit();
      }
      return;
    }
    transaction.rollback();
    for (StreamLoader loader : loaders) {
      if (!loader.complete()) {
        LOG.warning(loader.target().describe() + " did not complete: its table is left as it was"
            + (loader.recordsSinceState() > 0 ? "; " + loader.recordsSinceState()
                + " records after its last state were not kept (the next attempt reads them again)" : ""));
      }
    }
  }

  private void commit() throws Exception {
    transaction.endWrites();
    for (StreamLoader loader : loaders) {
      loader.beforeCommit();
    }
    transaction.commit();
  }

  private StreamLoader find(StreamDescriptor d) {
    return d == null ? null : find(d.getNamespace(), d.getName());
  }

  /** The loader of a stream; the last one found is kept, as records of a stream mostly come in a row. */
  private StreamLoader find(String namespace, String name) {
    if (lastFound != null && java.util.Objects.equals(namespace, lastNamespace) && name != null && name.equals(lastName)) {
      return lastFound;
    }
    StreamLoader loader = byNamespaceAndName.get(key(namespace, name));
    loader = loader != null ? loader : byName.get(name);
    if (loader != null) {
      lastNamespace = namespace;
      lastName = name;
      lastFound = loader;
    }
    return loader;
  }

  private static String key(String namespace, String name) {
    return (namespace == null ? "" : namespace) + "\u0000" + name;
  }
}
