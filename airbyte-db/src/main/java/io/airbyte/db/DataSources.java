package io.airbyte.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/** The metadata database's connection pool, from {@link DatabaseConfig}. */
public final class DataSources {

  private DataSources() {}

  public static HikariDataSource create(DatabaseConfig database) {
    if (database.url() == null) {
      throw new IllegalArgumentException("AIRBYTE_DATABASE_URL must be a PostgreSQL JDBC URL (jdbc:postgresql://host:port/db), not 'null'");
    }
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(database.url());
    config.setUsername(database.user());
    config.setPassword(database.password());
    config.setMaximumPoolSize(database.poolSize());
    config.setPoolName("airbyte-metadata");
    return new HikariDataSource(config);
  }
}
