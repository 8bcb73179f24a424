package io.airbyte.worker.replication;

import io.airbyte.protocol.json.Jsons;
import io.airbyte.protocol.models.AirbyteMessage;
import io.airbyte.protocol.models.AirbyteStreamStatus;
import io.airbyte.protocol.models.AirbyteStreamStatusTraceMessage;
import io.airbyte.protocol.models.AirbyteTraceMessage;
import io.airbyte.protocol.models.ConfiguredAirbyteStream;
import io.airbyte.protocol.models.StreamDescriptor;
import io.airbyte.worker.process.ConnectorProcess;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * The source of a clear or reset: no records, every stream started and complete, so the destination
 * replaces each stream's data with nothing (in a new generation). It runs in the worker, as a
 * {@link ConnectorProcess} that has already written everything and exited.
 */
final class EmptySource implements ConnectorProcess {

  private final byte[] output;

  private EmptySource(byte[] output) {
    this.output = output;
  }

  static EmptySource start(CatalogMapping mapping) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (ConfiguredAirbyteStream stream : mapping.sourceCatalog().getStreams()) {
      StreamDescriptor d = io.airbyte.worker.state.InputStates.descriptor(stream);
      for (AirbyteStreamStatus status : new AirbyteStreamStatus[] {AirbyteStreamStatus.STARTED, AirbyteStreamStatus.COMPLETE}) {
        AirbyteMessage message = new AirbyteMessage().withType(AirbyteMessage.Type.TRACE).withTrace(new AirbyteTraceMessage()
            .withType(AirbyteTraceMessage.Type.STREAM_STATUS).withEmittedAt((double) System.currentTimeMillis())
            .withStreamStatus(new AirbyteStreamStatusTraceMessage().withStreamDescriptor(d).withStatus(status)));
        out.writeBytes(Jsons.serialize(message).getBytes(StandardCharsets.UTF_8));
        out.write('\n');
      }
    }
    return new EmptySource(out.toByteArray());
  }

  @Override
  public String name() {
    return "empty-source";
  }

  @Override
  public OutputStream stdin() {
    return OutputStream.nullOutputStream();
  }

  @Override
  public InputStream stdout() {
    return new ByteArrayInputStream(output);
  }

  @Override
  public InputStream stderr() {
    return InputStream.nullInputStream();
  }

  @Override
  public boolean waitFor(Duration timeout) {
    return true;
  }

  @Override
  public boolean isAlive() {
    return false;
  }

  @Override
  public CompletableFuture<Void> onExit() {
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public int exitCode() {
    return 0;
  }

  @Override
  public void kill() {
    // nothing runs
  }
}
