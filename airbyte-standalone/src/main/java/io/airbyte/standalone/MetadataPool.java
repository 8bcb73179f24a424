package io.airbyte.standalone;

import com.zaxxer.hikari.HikariDataSource;
import io.airbyte.db.DataSources;
import io.airbyte.db.DatabaseConfig;

/**
 * The connection pool of the standalone platform's worker and scheduler on its embedded metadata
 * database (the API server has Spring Boot's own). Without one, every repository call opened a new
 * PostgreSQL session: about 11 a second with 20 syncs running ({@code bench/load.sh}).
 */
final class MetadataPool {

  /** The server's pool is Spring Boot's default, 10; the embedded database allows 100 sessions. */
  static final int MINIMUM_SIZE = 10;

  private MetadataPool() {}

  /**
   * A pool big enough for every sync the worker runs at once to save its progress while the
   * scheduler's activities run, and never fewer than {@link #MINIMUM_SIZE}.
   */
  static HikariDataSource create(String jdbcUrl, int maxConcurrentSyncs) {
    return DataSources.create(new DatabaseConfig(jdbcUrl, "postgres", "", size(maxConcurrentSyncs)));
  }

  static int size(int maxConcurrentSyncs) {
    return Math.max(MINIMUM_SIZE, maxConcurrentSyncs + 4);
  }
}
