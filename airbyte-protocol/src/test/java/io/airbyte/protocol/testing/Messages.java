package io.airbyte.protocol.testing;

import io.airbyte.protocol.json.Jsons;
import io.airbyte.protocol.models.AirbyteStream;
import io.airbyte.protocol.models.ConfiguredAirbyteCatalog;
import io.airbyte.protocol.models.ConfiguredAirbyteStream;
import io.airbyte.protocol.models.DestinationSyncMode;
import io.airbyte.protocol.models.SyncMode;
import java.util.List;

/** Builds destination input (tests): catalogs and JSON lines of records, states and stream statuses. */
public final class Messages {

  private final StringBuilder lines = new StringBuilder();
  /** Shared by every input of a test JVM, so later syncs are extracted later, as in real life. */
  private static final java.util.concurrent.atomic.AtomicLong EMITTED_AT = new java.util.concurrent.atomic.AtomicLong(1_700_000_000_000L);

  public static ConfiguredAirbyteStream stream(String namespace, String name, String schema, DestinationSyncMode mode,
      List<String> primaryKey, String cursor, long generation, long minimumGeneration) {
    return new ConfiguredAirbyteStream()
        .withStream(new AirbyteStream().withName(name).withNamespace(namespace).withJsonSchema(Jsons.deserialize(schema))
            .withSupportedSyncModes(List.of(SyncMode.FULL_REFRESH, SyncMode.INCREMENTAL)))
        .withSyncMode(cursor == null ? SyncMode.FULL_REFRESH : SyncMode.INCREMENTAL)
        .withDestinationSyncMode(mode)
        .withPrimaryKey(primaryKey == null ? null : primaryKey.stream().map(List::of).toList())
        .withCursorField(cursor == null ? null : List.of(cursor))
        .withGenerationId(generation)
        .withMinimumGenerationId(minimumGeneration)
        .withSyncId(42L);
  }

  public static ConfiguredAirbyteCatalog catalog(ConfiguredAirbyteStream... streams) {
    return new ConfiguredAirbyteCatalog().withStreams(List.of(streams));
  }

  public Messages record(String namespace, String stream, String data) {
    lines.append("{\"type\":\"RECORD\",\"record\":{")
        .append(namespace == null ? "" : "\"namespace\":" + Jsons.serialize(namespace) + ",")
        .append("\"stream\":").append(Jsons.serialize(stream))
        .append(",\"emitted_at\":").append(EMITTED_AT.getAndIncrement())
        .append(",\"data\":").append(data).append("}}\n");
    return this;
  }

  public Messages state(String namespace, String stream, String streamState) {
    lines.append("{\"type\":\"STATE\",\"state\":{\"type\":\"STREAM\",\"stream\":{\"stream_descriptor\":{")
        .append(namespace == null ? "" : "\"namespace\":" + Jsons.serialize(namespace) + ",")
        .append("\"name\":").append(Jsons.serialize(stream)).append("},\"stream_state\":").append(streamState)
        .append("}}}\n");
    return this;
  }

  public Messages globalState(String shared) {
    lines.append("{\"type\":\"STATE\",\"state\":{\"type\":\"GLOBAL\",\"global\":{\"shared_state\":").append(shared)
        .append(",\"stream_states\":[]}}}\n");
    return this;
  }

  public Messages status(String namespace, String stream, String status) {
    lines.append("{\"type\":\"TRACE\",\"trace\":{\"type\":\"STREAM_STATUS\",\"emitted_at\":1,\"stream_status\":{")
        .append("\"stream_descriptor\":{")
        .append(namespace == null ? "" : "\"namespace\":" + Jsons.serialize(namespace) + ",")
        .append("\"name\":").append(Jsons.serialize(stream)).append("},\"status\":\"").append(status).append("\"}}}\n");
    return this;
  }

  public Messages line(String raw) {
    lines.append(raw).append('\n');
    return this;
  }

  @Override
  public String toString() {
    return lines.toString();
  }
}
