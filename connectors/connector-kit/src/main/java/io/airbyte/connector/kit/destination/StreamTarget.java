package io.airbyte.connector.kit.destination;

import io.airbyte.connector.kit.ConfigErrorException;
import io.airbyte.connector.kit.typing.AirbyteType;
import io.airbyte.connector.kit.typing.AirbyteTypes;
import io.airbyte.protocol.models.ConfiguredAirbyteStream;
import io.airbyte.protocol.models.DestinationSyncMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A configured stream as a destination writes it: where (schema, table), what (typed columns),
 * and how (sync mode, primary key, cursor, generations), with Airbyte's semantics.
 *
 * <p>A <em>truncate refresh</em> (destination mode {@code overwrite}, or any mode whose {@code
 * minimum_generation_id} equals its {@code generation_id}, which is how Airbyte sends "overwrite +
 * deduped") writes into a temporary table swapped in when the stream completes; otherwise a
 * {@code minimum_generation_id} above 0 removes older generations once the stream completed.
 */
public record StreamTarget(
    String namespace,
    String name,
    String schema,
    String table,
    Map<String, AirbyteType> columns,
    DestinationSyncMode mode,
    List<String> primaryKey,
    String cursor,
    long generationId,
    long minimumGenerationId,
    Long syncId) {

  public static StreamTarget of(ConfiguredAirbyteStream configured, String defaultSchema) {
    var stream = configured.getStream();
    String schema = stream.getNamespace() == null || stream.getNamespace().isBlank() ? defaultSchema : stream.getNamespace();
    DestinationSyncMode mode = configured.getDestinationSyncMode() == null
        ? DestinationSyncMode.APPEND : configured.getDestinationSyncMode();
    if (mode == DestinationSyncMode.UPDATE || mode == DestinationSyncMode.SOFT_DELETE) {
      throw new ConfigErrorException("stream '" + stream.getName() + "': destination sync mode '"
          + mode.name().toLowerCase() + "' is not supported by this destination (use append, overwrite or append_dedup)");
    }
    List<List<String>> key = configured.getPrimaryKey() != null && !configured.getPrimaryKey().isEmpty()
        ? configured.getPrimaryKey() : stream.getSourceDefinedPrimaryKey();
    List<String> primaryKey = topLevel(stream.getName(), "primary key", key);
    if (mode == DestinationSyncMode.APPEND_DEDUP && primaryKey.isEmpty()) {
      throw new ConfigErrorException("stream '" + stream.getName() + "': append_dedup needs a primary key, and none is"
          + " configured or defined by the source");
    }
    List<String> cursorPath = configured.getCursorField() != null && !configured.getCursorField().isEmpty()
        ? configured.getCursorField()
        : Boolean.TRUE.equals(stream.getSourceDefinedCursor()) ? stream.getDefaultCursorField() : null;
    String cursor = cursorPath == null || cursorPath.isEmpty() ? null : cursorPath.get(0);
    Map<String, AirbyteType> columns = AirbyteTypes.columns(stream.getJsonSchema());
    for (String k : primaryKey) {
      if (!columns.containsKey(k)) {
        throw new ConfigErrorException("stream '" + stream.getName() + "': primary key field '" + k + "' is not in its schema");
      }
    }
    if (cursor != null && !columns.containsKey(cursor)) {
      cursor = null; // a cursor outside the schema cannot order rows here; extraction order does
    }
    return new StreamTarget(stream.getNamespace(), stream.getName(), schema, stream.getName(), columns, mode, primaryKey,
        cursor, orZero(configured.getGenerationId()), orZero(configured.getMinimumGenerationId()), configured.getSyncId());
  }

  /** This stream written to another table (its name made distinct from another stream's, see the SQL kit's TableNames). */
  public StreamTarget withTable(String otherTable) {
    return new StreamTarget(namespace, name, schema, otherTable, columns, mode, primaryKey, cursor, generationId,
        minimumGenerationId, syncId);
  }

  public boolean dedup() {
    return mode == DestinationSyncMode.APPEND_DEDUP;
  }

  public boolean truncateRefresh() {
    return mode == DestinationSyncMode.OVERWRITE || (minimumGenerationId > 0 && minimumGenerationId == generationId);
  }

  /** Rows of generations below the minimum are deleted after success (a refresh that keeps nothing older). */
  public boolean removesOlderGenerations() {
    return !truncateRefresh() && minimumGenerationId > 0;
  }

  public String describe() {
    return (namespace == null ? "" : namespace + ".") + name;
  }

  private static List<String> topLevel(String stream, String what, List<List<String>> paths) {
    List<String> fields = new ArrayList<>();
    if (paths == null) {
      return fields;
    }
    for (List<String> path : paths) {
      if (path.size() != 1) {
        throw new ConfigErrorException("stream '" + stream + "': nested " + what + " " + path
            + " is not supported; use top-level fields");
      }
      fields.add(path.get(0));
    }
    return fields;
  }

  private static long orZero(Long value) {
    return value == null ? 0 : value;
  }
}
