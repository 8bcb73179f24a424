package io.airbyte.connectors.contract;

import com.fasterxml.jackson.databind.JsonNode;
import io.airbyte.protocol.json.Jsons;
import io.airbyte.protocol.models.AirbyteMessage;
import io.airbyte.protocol.models.AirbyteStream;
import io.airbyte.protocol.models.ConfiguredAirbyteCatalog;
import io.airbyte.protocol.models.ConfiguredAirbyteStream;
import io.airbyte.protocol.models.DestinationSyncMode;
import io.airbyte.protocol.models.SyncMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Configured catalogs the way the platform makes them: from a discover, with the sync modes and generations of a sync. */
final class Catalogs {

  private Catalogs() {}

  static AirbyteStream discover(ConnectorJar source, JsonNode config, Path dir, String stream) throws Exception {
    Path file = Files.writeString(Files.createTempFile(dir, "config", ".json"), Jsons.serialize(config));
    ConnectorProcess.Output output = ConnectorProcess.run(source, dir, "discover", "--config", file.toString());
    for (AirbyteMessage message : output.ofType(AirbyteMessage.Type.CATALOG)) {
      for (AirbyteStream s : message.getCatalog().getStreams()) {
        if (s.getName().equals(stream)) {
          return s;
        }
      }
    }
    throw new AssertionError("no stream " + stream + " in the discover of " + source + ": " + output.stderr());
  }

  /**
   * One stream in one of Airbyte's five sync-mode pairs, for sync number {@code sync} (its job):
   * truncate refreshes get a new generation each sync and drop older ones.
   */
  static ConfiguredAirbyteCatalog configure(AirbyteStream stream, SyncModes mode, List<String> primaryKey, String cursor,
      long sync) {
    boolean truncate = mode == SyncModes.FULL_REFRESH_OVERWRITE || mode == SyncModes.FULL_REFRESH_OVERWRITE_DEDUPED;
    ConfiguredAirbyteStream configured = new ConfiguredAirbyteStream()
        .withStream(stream)
        .withSyncMode(mode.syncMode)
        .withDestinationSyncMode(mode.destinationSyncMode)
        .withPrimaryKey(primaryKey.stream().map(List::of).toList())
        .withCursorField(mode.syncMode == SyncMode.INCREMENTAL ? List.of(cursor) : null)
        .withGenerationId(truncate ? sync : 1L)
        .withMinimumGenerationId(truncate ? sync : 0L)
        .withSyncId(sync);
    return new ConfiguredAirbyteCatalog().withStreams(List.of(configured));
  }

  /** source-postgres's config for a test database: schema {@code public}, no TLS. */
  static JsonNode sourcePostgresConfig(io.airbyte.testsupport.postgres.PostgresTestDatabase db) {
    var config = Jsons.object().put("host", db.host()).put("port", db.port())
        .put("database", db.databaseName()).put("username", db.username()).put("password", db.password());
    config.putArray("schemas").add("public");
    config.putObject("ssl_mode").put("mode", "disable");
    return config;
  }

  /** Airbyte's five sync modes, as source mode and destination mode. */
  enum SyncModes {
    FULL_REFRESH_OVERWRITE(SyncMode.FULL_REFRESH, DestinationSyncMode.OVERWRITE),
    FULL_REFRESH_APPEND(SyncMode.FULL_REFRESH, DestinationSyncMode.APPEND),
    FULL_REFRESH_OVERWRITE_DEDUPED(SyncMode.FULL_REFRESH, DestinationSyncMode.APPEND_DEDUP),
    INCREMENTAL_APPEND(SyncMode.INCREMENTAL, DestinationSyncMode.APPEND),
    INCREMENTAL_APPEND_DEDUPED(SyncMode.INCREMENTAL, DestinationSyncMode.APPEND_DEDUP);

    final SyncMode syncMode;
    final DestinationSyncMode destinationSyncMode;

    SyncModes(SyncMode syncMode, DestinationSyncMode destinationSyncMode) {
      this.syncMode = syncMode;
      this.destinationSyncMode = destinationSyncMode;
    }
  }
}
