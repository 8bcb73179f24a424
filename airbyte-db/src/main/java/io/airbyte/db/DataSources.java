package io.airbyte.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.util.Map;

/**
 * The metadata database's connection pool, from the environment: {@code AIRBYTE_DATABASE_URL}
 * ({@code jdbc:postgresql://host:5432/airbyte}), {@code AIRBYTE_DATABASE_USER},
 * {@code AIRBYTE_DATABASE_PASSWORD}, {@code AIRBYTE_DATABASE_POOL_SIZE} (default 10).
 */
public final class DataSources {

  private DataSources() {}

  public static HikariDataSource fromEnvironment(Map<String, String> env) {
    String url = env.get("AIRBYTE_DATABASE_URL");
    if (url == null || !url.startsWith("jdbc:postgresql:")) {
      throw new IllegalArgumentException("AIRBYTE_DATABASE_URL must be a PostgreSQL JDBC URL (jdbc:postgresql://host:port/db), not '"
          + url + "'");
    }
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    config.setUsername(env.getOrDefault("AIRBYTE_DATABASE_USER", "airbyte"));
    config.setPassword(env.getOrDefault("AIRBYTE_DATABASE_PASSWORD", ""));
    config.setMaximumPoolSize(Integer.parseInt(env.getOrDefault("AIRBYTE_DATABASE_POOL_SIZE", "10")));
    config.setPoolName("airbyte-metadata");
    return new HikariDataSource(config);
  }
}
