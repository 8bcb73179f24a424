package io.airbyte.connectors.contract;

import io.airbyte.protocol.codec.AirbyteMessageReader;
import io.airbyte.protocol.codec.AirbyteMessageWriter;
import io.airbyte.protocol.codec.ProtocolLine;
import io.airbyte.protocol.json.Jsons;
import io.airbyte.protocol.models.AirbyteMessage;
import io.airbyte.protocol.models.AirbyteStateMessage;
import io.airbyte.protocol.models.ConfiguredAirbyteCatalog;
import io.airbyte.protocol.rows.TypedRows;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * {@code source read | destination write}, the way the platform runs a sync: every line of the
 * source goes to the destination; the destination's echoed states are what a platform would
 * persist. It can kill the source after it emitted a number of states, as a crash mid-sync would.
 * As the platform does, records go as typed rows when both connectors declare the format
 * ({@link RecordFormat#NEGOTIATED}), unless a run asks for JSON lines.
 */
final class SyncPipe {

  private SyncPipe() {}

  /**
   * @param states the state to start from (what the destination echoed last time), or null
   * @param killSourceAfterStates kill the source once it has emitted this many states (0: never)
   */
  static Result run(Path workDir, ConnectorJar source, JsonNode sourceConfig, ConnectorJar destination,
      JsonNode destinationConfig, ConfiguredAirbyteCatalog catalog, List<AirbyteStateMessage> states,
      int killSourceAfterStates) throws Exception {
    return run(workDir, source, sourceConfig, destination, destinationConfig, catalog, states, killSourceAfterStates,
        RecordFormat.NEGOTIATED);
  }

  /** How records travel between the two connectors. */
  enum RecordFormat {
    /** typed rows when both connectors declare the format, else JSON lines: what the platform does */
    NEGOTIATED,
    JSON_LINES
  }

  static Result run(Path workDir, ConnectorJar source, JsonNode sourceConfig, ConnectorJar destination,
      JsonNode destinationConfig, ConfiguredAirbyteCatalog catalog, List<AirbyteStateMessage> states,
      int killSourceAfterStates, RecordFormat format) throws Exception {
    boolean typedRows = format == RecordFormat.NEGOTIATED && source.declaresTypedRows() && destination.declaresTypedRows();
    Path dir = Files.createTempDirectory(workDir, "sync-");
    Path sourceConfigFile = write(dir.resolve("source_config.json"), Jsons.serialize(sourceConfig));
    Path destinationConfigFile = write(dir.resolve("destination_config.json"), Jsons.serialize(destinationConfig));
    Path catalogFile = write(dir.resolve("catalog.json"), Jsons.serialize(catalog));
    List<String> sourceArgs = new ArrayList<>(List.of("read", "--config", sourceConfigFile.toString(),
        "--catalog", catalogFile.toString()));
    if (states != null && !states.isEmpty()) {
      sourceArgs.addAll(List.of("--state", write(dir.resolve("state.json"), Jsons.serialize(states)).toString()));
    }
    List<String> destinationArgs = new ArrayList<>(List.of("write", "--config", destinationConfigFile.toString(),
        "--catalog", catalogFile.toString()));
    if (typedRows) {
      sourceArgs.addAll(List.of(TypedRows.OPTION, TypedRows.FORMAT));
      destinationArgs.addAll(List.of(TypedRows.OPTION, TypedRows.FORMAT));
    }
    Process src = ConnectorProcess.start(source, dir.resolve("source.stderr"), sourceArgs.toArray(String[]::new));
    Process dst = ConnectorProcess.start(destination, dir.resolve("destination.stderr"), destinationArgs.toArray(String[]::new));
    src.getOutputStream().close();

    try (Watchdog watchdog = new Watchdog(ConnectorProcess.TIMEOUT, src, dst)) {
      return pipe(src, dst, source, destination, killSourceAfterStates, dir, watchdog, typedRows);
    }
  }

  private static Result pipe(Process src, Process dst, ConnectorJar source, ConnectorJar destination, int killSourceAfterStates,
      Path dir, Watchdog watchdog, boolean typedRows) throws Exception {
    String what = "the sync " + source + " | " + destination + " (see " + dir + ")";
    CompletableFuture<ConnectorProcess.Output> destinationOutput = CompletableFuture.supplyAsync(() -> {
      try {
        return ConnectorProcess.Output.read(dst.getInputStream(), destination, "write");
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    });
    long sourceRecords = 0;
    long typedRowLines = 0;
    int sourceStates = 0;
    boolean killed = false;
    try (AirbyteMessageReader reader = new AirbyteMessageReader(src.getInputStream());
        OutputStream toDestination = dst.getOutputStream();
        AirbyteMessageWriter writer = new AirbyteMessageWriter(toDestination)) {
      if (typedRows) {
        reader.acceptTypedRows();
      }
      for (ProtocolLine line = reader.next(); line != null; line = reader.next()) {
        if (line instanceof ProtocolLine.TypedRow typed) {
          writer.writeRawLine(typed.line(), 0, typed.line().length);
          typedRowLines++;
          if (TypedRows.isRow(typed.line())) {
            sourceRecords++;
          }
          continue;
        }
        if (!(line instanceof ProtocolLine.Message m)) {
          continue;
        }
        CapturedLines.record(source, "read", m.line());
        writer.writeLine(m.line());
        if (m.message().getType() == AirbyteMessage.Type.RECORD) {
          sourceRecords++;
        } else if (m.message().getType() == AirbyteMessage.Type.STATE) {
          sourceStates++;
          if (killSourceAfterStates > 0 && sourceStates >= killSourceAfterStates) {
            writer.flush();
            src.destroyForcibly();
            killed = true;
            break;
          }
        }
      }
    } catch (IOException e) {
      watchdog.check(what); // a hung destination, killed, breaks the pipe
      throw e;
    }
    // a hung source or destination is killed by the watchdog, which ends these waits
    src.waitFor();
    dst.waitFor();
    watchdog.check(what);
    ConnectorProcess.Output out = destinationOutput.get()
        .withExit(dst.exitValue(), Files.readString(dir.resolve("destination.stderr")));
    return new Result(killed ? -1 : src.exitValue(), out, sourceRecords, sourceStates, dir, typedRowLines);
  }

  private static Path write(Path file, String content) throws IOException {
    return Files.writeString(file, content);
  }

  /** Outcome of a sync: exit codes, what the destination printed, what the source sent. */
  record Result(int sourceExit, ConnectorProcess.Output destination, long sourceRecords, int sourceStates, Path dir,
      long typedRowLines) {

    List<AirbyteStateMessage> echoedStates() {
      return destination.ofType(AirbyteMessage.Type.STATE).stream().map(AirbyteMessage::getState).toList();
    }

    /** The states to start the next sync from: the last echoed state of each stream. */
    List<AirbyteStateMessage> nextStates(List<AirbyteStateMessage> previous) {
      java.util.LinkedHashMap<String, AirbyteStateMessage> byStream = new java.util.LinkedHashMap<>();
      List<AirbyteStateMessage> all = new ArrayList<>(previous == null ? List.of() : previous);
      all.addAll(echoedStates());
      for (AirbyteStateMessage state : all) {
        String key = state.getStream() == null ? "<global>"
            : state.getStream().getStreamDescriptor().getNamespace() + "." + state.getStream().getStreamDescriptor().getName();
        byStream.put(key, state.withDestinationStats(null));
      }
      return new ArrayList<>(byStream.values());
    }
  }
}
