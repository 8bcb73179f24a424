package io.airbyte.worker.replication;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.airbyte.contract.failure.FailureOrigin;
import io.airbyte.protocol.codec.AirbyteMessageReader;
import io.airbyte.protocol.codec.ProtocolLine;
import io.airbyte.protocol.json.Jsons;
import io.airbyte.protocol.json.RawJson;
import io.airbyte.protocol.models.AirbyteEstimateTraceMessage;
import io.airbyte.protocol.models.AirbyteMessage;
import io.airbyte.protocol.models.AirbyteRecordMessage;
import io.airbyte.protocol.models.AirbyteStateMessage;
import io.airbyte.protocol.models.AirbyteStateType;
import io.airbyte.protocol.models.AirbyteStreamStatusTraceMessage;
import io.airbyte.protocol.models.AirbyteTraceMessage;
import io.airbyte.protocol.models.StreamDescriptor;
import io.airbyte.protocol.rows.StreamDeclaration;
import io.airbyte.protocol.rows.TypedRows;
import io.airbyte.worker.failure.FailureReason;
import io.airbyte.worker.log.AttemptLog;
import io.airbyte.worker.log.ConnectorMessages;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Reads the source's stdout and feeds the queue: records (renamed or trimmed only when the
 * connection says so, otherwise the very line the source wrote), states (tracked until the
 * destination echoes them) and stream statuses (which the destination needs to finish a stream);
 * estimates go to the stats, logs and errors to the attempt log. Lines that are not messages are
 * counted and logged, never fatal. A line longer than the bound is never held in memory: a record,
 * state or trace that long fails the attempt with a reason naming its stream, its size and the bound
 * (the source is stopped, the destination keeps what it committed up to its last echoed state);
 * anything else that long is counted and skipped like a line that is not a message.
 */
final class SourceReader implements Runnable {

  private static final Set<String> NEEDED = Set.of("RECORD", "STATE", "TRACE");

  private final InputStream stdout;
  private final long maxLineBytes;
  private final CatalogMapping mapping;
  private final LineQueue queue;
  private final StateTracker states;
  private final SyncStats stats;
  private final AttemptLog log;
  private final AttemptFailures failures;
  private final Set<StreamDescriptor> unknownStreams = new HashSet<>();
  private long sinceAnyState;
  private volatile long lastActivityNanos = System.nanoTime();
  private volatile boolean waitingOnQueue;
  private volatile boolean stopping;
  // the last record's stream, to skip the map lookup while a stream's records come in a row
  private String lastNamespace;
  private String lastName;
  private StreamRoute lastRoute;
  private StreamCounters lastStats;
  private RecordRenamer lastRenamer;
  private final Map<StreamDescriptor, RecordRenamer> renamers = new HashMap<>();
  private final TypedRowStreams typedRows;

  SourceReader(InputStream stdout, long maxLineBytes, CatalogMapping mapping, LineQueue queue, StateTracker states,
      SyncStats stats, AttemptLog log, AttemptFailures failures) {
    this(stdout, maxLineBytes, mapping, queue, states, stats, log, failures, false);
  }

  /** @param typedRows the source was asked for typed rows ({@link TypedRows}), routed by {@link TypedRowStreams} */
  SourceReader(InputStream stdout, long maxLineBytes, CatalogMapping mapping, LineQueue queue, StateTracker states,
      SyncStats stats, AttemptLog log, AttemptFailures failures, boolean typedRows) {
    this.typedRows = typedRows ? new TypedRowStreams(mapping, stats) : null;
    this.stdout = stdout;
    this.maxLineBytes = maxLineBytes;
    this.mapping = mapping;
    this.queue = queue;
    this.states = states;
    this.stats = stats;
    this.log = log;
    this.failures = failures;
  }

  @Override
  public void run() {
    try (AirbyteMessageReader reader = new AirbyteMessageReader(stdout, maxLineBytes)) {
      if (typedRows != null) {
        reader.acceptTypedRows();
      }
      ProtocolLine line;
      while ((line = reader.next()) != null) {
        lastActivityNanos = System.nanoTime();
        if (line instanceof ProtocolLine.Message m) {
          if (!handle(m)) {
            return;
          }
        } else if (line instanceof ProtocolLine.TypedRow typed) {
          if (!typedRow(typed)) {
            return;
          }
        } else if (line instanceof ProtocolLine.NotAMessage bad) {
          ConnectorMessages.notAMessage(log, "source", bad, stats.malformedSourceLines);
        } else if (line instanceof ProtocolLine.TooLong tooLong && !tooLong(tooLong)) {
          return;
        }
      }
    } catch (IOException e) {
      if (!stopping) {
        failures.add(FailureReason.fromException(FailureOrigin.REPLICATION, io.airbyte.contract.failure.FailureType.TRANSIENT_ERROR,
            "Lost the output of the source: " + e.getMessage(), e));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      failures.add(FailureReason.fromException(FailureOrigin.REPLICATION, io.airbyte.contract.failure.FailureType.SYSTEM_ERROR,
          "The replication failed while reading the source: " + e, e));
    } finally {
      queue.finish();
      long bad = stats.malformedSourceLines.get();
      if (bad > 0) {
        log.platformWarn("The source wrote " + bad + " line(s) that are not protocol messages; they were skipped");
      }
    }
  }

  /** False when the attempt fails on it (a record, state or trace too long to carry). */
  private boolean tooLong(ProtocolLine.TooLong line) {
    String what = "Line " + line.lineNumber() + " of the source's output, " + line.describe() + ", is " + line.bytes()
        + " bytes, more than the " + line.maxBytes() + " bytes the platform carries in one message";
    if (line.type() == null || !NEEDED.contains(line.type())) {
      stats.malformedSourceLines.incrementAndGet();
      log.platformWarn(what + ": skipped unread");
      return true;
    }
    StreamDescriptor stream = line.stream() == null ? null
        : new StreamDescriptor().withNamespace(line.namespace()).withName(line.stream());
    String message = what + ". The sync stops: the destination keeps what it committed up to its last state. Leave the"
        + " large column (or the stream) out of the connection.";
    log.platformWarn(message);
    FailureReason reason = FailureReason.of(FailureOrigin.REPLICATION, io.airbyte.contract.failure.FailureType.CONFIG_ERROR,
        message, null);
    failures.add(new FailureReason(reason.failureOrigin(), reason.failureType(), reason.retryable(), reason.externalMessage(),
        null, null, stream, reason.timestamp()));
    queue.abort();
    return false;
  }

  /** False when the queue was aborted (the destination is gone): reading on is pointless. */
  private boolean handle(ProtocolLine.Message m) throws InterruptedException {
    AirbyteMessage message = m.message();
    switch (message.getType()) {
      case RECORD -> {
        return record(m);
      }
      case STATE -> {
        return state(message.getState(), m.line());
      }
      case TRACE -> {
        return trace(message, m.line());
      }
      case LOG -> ConnectorMessages.log(log, "source", message);
      case CONTROL -> log.platformWarn("The source sent a CONTROL message (" + message.getControl().getType()
          + "); updating a connector's config from a sync is not supported, it is ignored");
      default -> log.connector("source", "DEBUG", "ignored a " + message.getType() + " message");
    }
    return true;
  }

  private boolean record(ProtocolLine.Message m) throws InterruptedException {
    AirbyteRecordMessage record = m.message().getRecord();
    if (lastRoute == null || !record.getStream().equals(lastName) || !java.util.Objects.equals(record.getNamespace(), lastNamespace)) {
      StreamDescriptor source = new StreamDescriptor().withName(record.getStream()).withNamespace(record.getNamespace());
      StreamRoute route = mapping.route(source);
      if (route == null) {
        if (unknownStreams.add(source)) {
          log.platformWarn("The source sent records of stream " + source.getNamespace() + "." + source.getName()
              + ", which is not in the connection's catalog; they are dropped");
        }
        return true;
      }
      lastRoute = route;
      lastName = record.getStream();
      lastNamespace = record.getNamespace();
      lastStats = stats.stream(source);
      lastRenamer = renamers.computeIfAbsent(source, s -> new RecordRenamer(route.destination()));
    }
    RawJson out = lastRoute.passThrough() ? m.line() : rewrite(m.message(), lastRoute, lastRenamer);
    return offerRecord(lastStats, out);
  }

  /** A stream line or a row of the typed-rows format; false when the queue was aborted. */
  private boolean typedRow(ProtocolLine.TypedRow typed) throws InterruptedException {
    byte[] line = typed.line();
    try {
      if (line[1] == TypedRows.STREAM) {
        RawJson declaration = typedRows.declare(line);
        if (declaration == null) {
          StreamDeclaration d = typedRows.streamOf(line).source();
          StreamDescriptor source = new StreamDescriptor().withNamespace(d.namespace()).withName(d.name());
          if (unknownStreams.add(source)) {
            log.platformWarn("The source sent rows of stream " + source.getNamespace() + "." + source.getName()
                + ", which is not in the connection's catalog; they are dropped");
          }
          return true;
        }
        return offer(declaration);
      }
      TypedRowStreams.Declared stream = line[1] == TypedRows.ROW ? typedRows.streamOf(line) : null;
      if (stream == null) {
        notATypedRow(typed, line[1] == TypedRows.ROW ? "a row of a stream no stream line declared"
            : "neither a stream line nor a row");
        return true;
      }
      if (stream.route() == null) {
        return true;
      }
      return offerRecord(stream.counters(), typedRows.forDestination(stream, line));
    } catch (IllegalArgumentException e) {
      notATypedRow(typed, "a bad " + (line[1] == TypedRows.STREAM ? "stream line" : "row") + ": "
          + e.getMessage());
      return true;
    }
  }

  private void notATypedRow(ProtocolLine.TypedRow typed, String reason) {
    String text = new String(typed.line(), 1, typed.line().length - 1, StandardCharsets.UTF_8);
    ConnectorMessages.notAMessage(log, "source", new ProtocolLine.NotAMessage(text, reason, typed.lineNumber()),
        stats.malformedSourceLines);
  }

  private static RawJson rewrite(AirbyteMessage message, StreamRoute route, RecordRenamer renamer) {
    AirbyteRecordMessage record = message.getRecord();
    if (route.filtersFields()) {
      JsonNode data = record.getData();
      if (data instanceof ObjectNode object) {
        object.retain(route.fields());
      }
    }
    return renamer.rename(message, route);
  }

  private boolean state(AirbyteStateMessage state, RawJson line) throws InterruptedException {
    long count;
    if (state.getType() == AirbyteStateType.STREAM && state.getStream() != null) {
      StreamDescriptor stream = state.getStream().getStreamDescriptor();
      StreamCounters counted = stream == null || mapping.route(stream) == null ? null : stats.stream(stream);
      count = counted == null ? 0 : counted.sinceState;
      if (counted != null) {
        counted.sinceState = 0;
      }
    } else {
      count = sinceAnyState;
      stats.forEachStream(s -> s.sinceState = 0);
    }
    sinceAnyState = 0;
    AirbyteStateMessage forDestination = mapping.toDestination(state);
    states.sent(state, forDestination, count);
    return offer(forDestination == state ? line : RecordRenamer.line(new AirbyteMessage().withType(AirbyteMessage.Type.STATE).withState(forDestination)));
  }

  private boolean trace(AirbyteMessage message, RawJson line) throws InterruptedException {
    AirbyteTraceMessage trace = message.getTrace();
    switch (trace.getType()) {
      case ERROR -> {
        ConnectorMessages.log(log, "source", message);
        failures.add(FailureReason.fromTrace(FailureOrigin.SOURCE, trace.getError(), ConnectorMessages.emittedAt(trace)));
      }
      case ESTIMATE -> estimate(trace.getEstimate());
      case STREAM_STATUS -> {
        AirbyteStreamStatusTraceMessage status = trace.getStreamStatus();
        StreamDescriptor source = status.getStreamDescriptor();
        if (source != null && mapping.route(source) != null) {
          stats.stream(source).status = String.valueOf(status.getStatus());
          if (mapping.isIdentity()) {
            return offer(line);
          }
          AirbyteMessage copy = Jsons.convert(message, AirbyteMessage.class);
          copy.getTrace().getStreamStatus().setStreamDescriptor(mapping.toDestination(source));
          return offer(RecordRenamer.line(copy));
        }
      }
      default -> {
        // analytics traces are for Airbyte Cloud's telemetry; nothing to do here
      }
    }
    return true;
  }

  private void estimate(AirbyteEstimateTraceMessage estimate) {
    if (estimate.getType() == AirbyteEstimateTraceMessage.Type.STREAM && estimate.getName() != null) {
      StreamDescriptor source = new StreamDescriptor().withName(estimate.getName()).withNamespace(estimate.getNamespace());
      if (mapping.route(source) != null) {
        StreamCounters s = stats.stream(source);
        if (estimate.getRowEstimate() != null) {
          s.estimatedRecords.set(estimate.getRowEstimate());
        }
        if (estimate.getByteEstimate() != null) {
          s.estimatedBytes.set(estimate.getByteEstimate());
        }
      }
    }
  }

  /** Counts a record (a JSON line or a typed row) for its stream and queues it for the destination. */
  private boolean offerRecord(StreamCounters counters, RawJson out) throws InterruptedException {
    counters.recordsEmitted.incrementAndGet();
    counters.bytesEmitted.addAndGet(out.length());
    stats.timeline.recordRead();
    sinceAnyState++;
    counters.sinceState++;
    return offer(out);
  }

  private boolean offer(RawJson line) throws InterruptedException {
    waitingOnQueue = true;
    try {
      return queue.put(line);
    } finally {
      waitingOnQueue = false;
      lastActivityNanos = System.nanoTime();
    }
  }

  /** Nanoseconds since the source last wrote a line, or 0 while the source waits on a full queue. */
  long silentNanos() {
    return waitingOnQueue ? 0 : System.nanoTime() - lastActivityNanos;
  }

  /** The engine is stopping the source: errors reading its output are expected now. */
  void stopping() {
    stopping = true;
  }
}
