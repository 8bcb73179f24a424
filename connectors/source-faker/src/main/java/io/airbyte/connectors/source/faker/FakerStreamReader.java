package io.airbyte.connectors.source.faker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.airbyte.connector.kit.Emitter;
import io.airbyte.protocol.json.Jsons;
import io.airbyte.protocol.models.AirbyteStateMessage;
import io.airbyte.protocol.models.AirbyteStateStats;
import io.airbyte.protocol.models.AirbyteStateType;
import io.airbyte.protocol.models.AirbyteStreamState;
import io.airbyte.protocol.models.AirbyteStreamStatus;
import io.airbyte.protocol.models.StreamDescriptor;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.logging.Logger;

/**
 * Reads one stream in slices of {@code records_per_slice} units, made by up to {@code parallelism}
 * threads and written in order, each followed by a STATE ({@code seed}, {@code updated_at},
 * {@code loop_offset}: the next unit). A read given a state with units left continues from its
 * {@code loop_offset} (a resumed read, or a larger count). An incremental read of a finished stream
 * emits everything again with a new {@code updated_at} when {@code always_updated}, else nothing
 * (Airbyte's behaviour). A full refresh starts over unless its state is of the same sync.
 */
final class FakerStreamReader implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(FakerStreamReader.class.getName());

  private final FakerConfig config;
  private final Emitter output;
  private final Clock clock;
  private final ExecutorService workers;

  FakerStreamReader(FakerConfig config, Emitter output, Clock clock) {
    this.config = config;
    this.output = output;
    this.clock = clock;
    this.workers = config.parallelism() > 1 ? Executors.newFixedThreadPool(config.parallelism(), r -> {
      Thread t = new Thread(r, "faker-worker");
      t.setDaemon(true);
      return t;
    }) : null;
  }

  void read(FakeStream stream, boolean incremental, Long syncId, JsonNode previous) throws Exception {
    StreamDescriptor descriptor = new StreamDescriptor().withName(stream.name());
    output.streamStatus(descriptor, AirbyteStreamStatus.STARTED);
    long seed = config.effectiveSeed(previous != null && previous.hasNonNull("seed") ? previous.get("seed").asLong() : null);
    long units = stream.units(config.count());
    long start = 0;
    String override = null;
    String lastUpdatedAt = previous == null ? null : previous.path("updated_at").asText(null);
    long offset = previous == null ? 0 : previous.path("loop_offset").asLong(0);
    boolean sameSync = previous != null && Objects.equals(syncId, previous.hasNonNull("sync_id") ? previous.get("sync_id").asLong() : null);
    if (previous != null && (incremental || sameSync)) {
      if (offset < units) {
        start = offset;
        LOG.info(stream.name() + ": continuing at unit " + offset + " of " + units);
      } else if (incremental && config.alwaysUpdated()) {
        override = DateTimeFormatter.ISO_INSTANT.format(clock.instant());
      } else {
        start = units;
      }
    }
    output.estimate(descriptor, units - start, (units - start) * stream.bytesPerRecord());
    long emittedAt = clock.millis();
    Deque<Future<Slice>> inFlight = new ArrayDeque<>();
    long next = start;
    boolean running = false;
    try {
      while (next < units || !inFlight.isEmpty()) {
        while (next < units && (workers == null ? inFlight.isEmpty() : inFlight.size() < config.parallelism())) {
          long from = next;
          long to = Math.min(units, next + config.recordsPerSlice());
          String updatedAt = override;
          if (workers == null) {
            inFlight.add(java.util.concurrent.CompletableFuture.completedFuture(
                Slice.make(stream, seed, from, to, updatedAt, emittedAt)));
          } else {
            inFlight.add(workers.submit(() -> Slice.make(stream, seed, from, to, updatedAt, emittedAt)));
          }
          next = to;
        }
        Slice slice = take(inFlight.poll());
        if (slice.records() > 0) {
          if (!running) {
            output.streamStatus(descriptor, AirbyteStreamStatus.RUNNING);
            running = true;
          }
          output.lines(slice.lines());
        }
        if (slice.maxUpdatedAt() != null && (lastUpdatedAt == null || slice.maxUpdatedAt().compareTo(lastUpdatedAt) > 0)) {
          lastUpdatedAt = slice.maxUpdatedAt();
        }
        state(descriptor, seed, lastUpdatedAt, slice.endUnit(), syncId, slice.records());
      }
      if (start >= units) {
        state(descriptor, seed, lastUpdatedAt, Math.max(units, offset), syncId, 0);
      }
    } catch (Exception e) {
      output.streamStatus(descriptor, AirbyteStreamStatus.INCOMPLETE);
      inFlight.forEach(f -> f.cancel(true));
      throw e;
    }
    output.streamStatus(descriptor, AirbyteStreamStatus.COMPLETE);
  }

  private void state(StreamDescriptor stream, long seed, String updatedAt, long loopOffset, Long syncId, long records) {
    ObjectNode state = Jsons.object().put("seed", seed).put("updated_at", updatedAt).put("loop_offset", loopOffset);
    if (syncId != null) {
      state.put("sync_id", syncId);
    }
    output.state(new AirbyteStateMessage().withType(AirbyteStateType.STREAM)
        .withStream(new AirbyteStreamState().withStreamDescriptor(stream).withStreamState(state))
        .withSourceStats(new AirbyteStateStats().withRecordCount((double) records)));
  }

  private static Slice take(Future<Slice> future) throws Exception {
    try {
      return future.get();
    } catch (ExecutionException e) {
      throw e.getCause() instanceof Exception cause ? cause : e;
    }
  }

  @Override
  public void close() {
    if (workers != null) {
      workers.shutdownNow();
    }
  }
}
