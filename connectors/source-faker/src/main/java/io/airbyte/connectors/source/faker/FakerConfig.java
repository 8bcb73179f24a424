package io.airbyte.connectors.source.faker;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The config of source-faker, with Airbyte's names. A seed of -1 means a random seed, chosen once
 * per read and kept in the state so later incremental reads continue the same data.
 */
record FakerConfig(long count, long seed, int recordsPerSlice, int parallelism, boolean alwaysUpdated) {

  static FakerConfig from(JsonNode config) {
    return new FakerConfig(
        config.path("count").asLong(1000),
        config.path("seed").asLong(-1),
        config.path("records_per_slice").asInt(1000),
        config.path("parallelism").asInt(4),
        config.path("always_updated").asBoolean(true));
  }

  /** The seed to use: the configured one, else the one the state carries, else a new random one. */
  long effectiveSeed(Long stateSeed) {
    if (seed >= 0) {
      return seed;
    }
    return stateSeed != null ? stateSeed : ThreadLocalRandom.current().nextLong(0, Integer.MAX_VALUE);
  }
}
