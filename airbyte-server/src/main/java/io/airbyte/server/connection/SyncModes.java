package io.airbyte.server.connection;

import io.airbyte.protocol.models.DestinationSyncMode;
import io.airbyte.protocol.models.SyncMode;
import java.util.ArrayList;
import java.util.List;

/** The public API's five sync modes and the protocol's (source mode, destination mode) pairs. */
public enum SyncModes {
  FULL_REFRESH_OVERWRITE("full_refresh_overwrite", SyncMode.FULL_REFRESH, DestinationSyncMode.OVERWRITE),
  // a full refresh into a deduplicated table: append_dedup in a new generation each time (the worker truncates)
  FULL_REFRESH_OVERWRITE_DEDUPED("full_refresh_overwrite_deduped", SyncMode.FULL_REFRESH, DestinationSyncMode.APPEND_DEDUP),
  FULL_REFRESH_APPEND("full_refresh_append", SyncMode.FULL_REFRESH, DestinationSyncMode.APPEND),
  INCREMENTAL_APPEND("incremental_append", SyncMode.INCREMENTAL, DestinationSyncMode.APPEND),
  INCREMENTAL_DEDUPED_HISTORY("incremental_deduped_history", SyncMode.INCREMENTAL, DestinationSyncMode.APPEND_DEDUP);

  final String value;
  final SyncMode source;
  final DestinationSyncMode destination;

  SyncModes(String value, SyncMode source, DestinationSyncMode destination) {
    this.value = value;
    this.source = source;
    this.destination = destination;
  }

  public String value() {
    return value;
  }

  public boolean dedup() {
    return destination == DestinationSyncMode.APPEND_DEDUP;
  }

  public static SyncModes of(String value) {
    for (SyncModes m : values()) {
      if (m.value.equals(value)) {
        return m;
      }
    }
    return null;
  }

  public static SyncModes of(SyncMode source, DestinationSyncMode destination) {
    for (SyncModes m : values()) {
      if (m.source == source && m.destination == destination) {
        return m;
      }
    }
    return FULL_REFRESH_OVERWRITE;
  }

  /** The modes a stream supporting {@code supported} source modes offers. */
  public static List<String> offered(List<SyncMode> supported) {
    List<String> modes = new ArrayList<>();
    for (SyncModes m : values()) {
      if (supported != null && supported.contains(m.source)) {
        modes.add(m.value);
      }
    }
    return modes;
  }
}
