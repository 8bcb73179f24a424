package io.airbyte.connectors.source.postgres;

import com.fasterxml.jackson.databind.JsonNode;
import io.airbyte.connector.kit.ConfigErrorException;
import java.time.Duration;
import java.util.List;

/**
 * The CDC branch of {@code replication_method}, with Airbyte's property names: logical replication
 * from a slot ({@code pgoutput}) of the tables of a publication.
 *
 * @param commitAfterLoad {@code lsn_commit_behaviour}: the slot's position is confirmed once the
 *     destination committed (true, "After loading Data in the destination") or as the changes are read
 * @param resyncOnLostPosition {@code invalid_cdc_cursor_position_behavior}: "Re-sync data" (true) or "Fail sync"
 */
record CdcConfig(String slot, String publication, Duration initialWaiting, int queueSize, boolean commitAfterLoad,
    String heartbeatQuery, boolean resyncOnLostPosition, Duration initialLoadTimeout) {

  static final String COMMIT_AFTER_LOAD = "After loading Data in the destination";
  static final String COMMIT_WHILE_READING = "While reading Data";
  static final String FAIL_SYNC = "Fail sync";
  static final String RESYNC = "Re-sync data";

  static CdcConfig from(JsonNode method) {
    String plugin = method.path("plugin").asText("pgoutput");
    if (!"pgoutput".equals(plugin)) {
      throw new ConfigErrorException("replication_method.plugin '" + plugin + "' is not supported: only 'pgoutput'");
    }
    String slot = required(method, "replication_slot");
    String publication = required(method, "publication");
    int waiting = integer(method, "initial_waiting_seconds", 1200, 120, 2400);
    int queue = integer(method, "queue_size", 10_000, 1000, 10_000);
    int timeout = integer(method, "initial_load_timeout_hours", 8, 4, 24);
    boolean commitAfterLoad = switch (method.path("lsn_commit_behaviour").asText(COMMIT_AFTER_LOAD)) {
      case COMMIT_AFTER_LOAD -> true;
      case COMMIT_WHILE_READING -> false;
      default -> throw new ConfigErrorException("replication_method.lsn_commit_behaviour must be one of "
          + List.of(COMMIT_WHILE_READING, COMMIT_AFTER_LOAD) + ", not '" + method.path("lsn_commit_behaviour").asText() + "'");
    };
    boolean resync = switch (method.path("invalid_cdc_cursor_position_behavior").asText(FAIL_SYNC)) {
      case FAIL_SYNC -> false;
      case RESYNC -> true;
      default -> throw new ConfigErrorException("replication_method.invalid_cdc_cursor_position_behavior must be one of "
          + List.of(FAIL_SYNC, RESYNC) + ", not '" + method.path("invalid_cdc_cursor_position_behavior").asText() + "'");
    };
    return new CdcConfig(slot, publication, Duration.ofSeconds(waiting), queue, commitAfterLoad,
        method.path("heartbeat_action_query").asText("").strip(), resync, Duration.ofHours(timeout));
  }

  private static String required(JsonNode method, String name) {
    String value = method.path(name).asText("").strip();
    if (value.isEmpty()) {
      throw new ConfigErrorException("replication_method." + name + " is required with method 'CDC'");
    }
    return value;
  }

  private static int integer(JsonNode method, String name, int defaultValue, int min, int max) {
    JsonNode node = method.get(name);
    if (node == null || node.isNull()) {
      return defaultValue;
    }
    if (!node.canConvertToInt() || !node.isIntegralNumber()) {
      throw new ConfigErrorException("replication_method." + name + " must be an integer, not " + node);
    }
    int value = node.asInt();
    if (value < min || value > max) {
      throw new ConfigErrorException("replication_method." + name + " must be between " + min + " and " + max
          + ", not " + value);
    }
    return value;
  }
}
