package io.airbyte.worker.replication;

import io.airbyte.protocol.json.RawJson;
import io.airbyte.protocol.models.StreamDescriptor;
import io.airbyte.protocol.rows.CopyTextRow;
import io.airbyte.protocol.rows.StreamDeclaration;
import io.airbyte.protocol.rows.TypedRowBuilder;
import io.airbyte.protocol.rows.TypedRows;
import java.util.HashMap;
import java.util.Map;

/**
 * The source's streams in the typed-rows format ({@link TypedRows}), by ref: a stream line is routed
 * as a record would be (the destination's namespace and name put in, fields not selected left out)
 * and forwarded once; its rows are then counted and forwarded as they are, without being parsed, unless
 * fields are left out (then the row is rebuilt without them).
 */
final class TypedRowStreams {

  /** A declared stream: its route (null: not in the catalog, rows dropped) and which fields its rows keep. */
  record Declared(StreamDeclaration source, StreamRoute route, StreamCounters counters, boolean[] kept) {}

  private final CatalogMapping mapping;
  private final SyncStats stats;
  private final Map<Integer, Declared> streams = new HashMap<>();
  private final CopyTextRow row = new CopyTextRow();
  private final TypedRowBuilder rebuilt = new TypedRowBuilder();

  TypedRowStreams(CatalogMapping mapping, SyncStats stats) {
    this.mapping = mapping;
    this.stats = stats;
  }

  /**
   * Takes a stream line; returns the line for the destination (null when the stream is not in the
   * catalog). Throws {@link IllegalArgumentException} for a bad stream line.
   */
  RawJson declare(byte[] line) {
    StreamDeclaration declaration = StreamDeclaration.parse(line);
    StreamDescriptor source = new StreamDescriptor().withNamespace(declaration.namespace()).withName(declaration.name());
    StreamRoute route = mapping.route(source);
    if (route == null) {
      streams.put(declaration.ref(), new Declared(declaration, null, null, null));
      return null;
    }
    StreamDeclaration forDestination = declaration.renamed(route.destination().getNamespace(), route.destination().getName());
    boolean[] kept = null;
    if (route.filtersFields()) {
      kept = declaration.positionsKept(route.fields());
      forDestination = forDestination.keeping(route.fields());
    }
    streams.put(declaration.ref(), new Declared(declaration, route, stats.stream(source), kept));
    return route.renames() || kept != null ? whole(forDestination.toLine()) : whole(line);
  }

  /** The stream of a row line; null when no stream line declared it. */
  Declared streamOf(byte[] line) {
    return streams.get(TypedRows.ref(line));
  }

  /** The row for the destination: as it is, or without the fields its stream leaves out. */
  RawJson forDestination(Declared stream, byte[] line) {
    if (stream.kept() == null) {
      return whole(line);
    }
    row.load(line);
    rebuilt.row(stream.source().ref(), TypedRows.emittedAt(row));
    for (int k = 0; k < stream.kept().length && TypedRows.FIRST_VALUE + k < row.fields(); k++) {
      if (stream.kept()[k]) {
        int field = TypedRows.FIRST_VALUE + k;
        rebuilt.escaped(row.array(), row.start(field), row.end(field));
      }
    }
    return whole(rebuilt.toLine());
  }

  private static RawJson whole(byte[] line) {
    return new RawJson(line, 0, line.length);
  }
}
