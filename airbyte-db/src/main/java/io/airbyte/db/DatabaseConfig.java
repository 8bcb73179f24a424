package io.airbyte.db;

import io.airbyte.db.settings.Parsers;
import io.airbyte.db.settings.Setting;
import java.util.List;
import java.util.Map;

/**
 * Where the metadata database is, for the scheduler and the worker run as their own processes (the
 * standalone platform embeds its database; the server reads the same variables through Spring Boot's
 * {@code application.properties}). {@code url} is {@code null} when unset: {@link DataSources} refuses it then.
 */
public record DatabaseConfig(String url, String user, String password, int poolSize) {

  public static final Setting<String> URL = Setting.optional("AIRBYTE_DATABASE_URL",
      "the metadata database, a PostgreSQL JDBC URL (`jdbc:postgresql://host:5432/airbyte`); the scheduler and worker processes require it",
      Parsers.matching("jdbc:postgresql:.*", "a PostgreSQL JDBC URL (jdbc:postgresql://host:port/db)"));
  public static final Setting<String> USER = Setting.of("AIRBYTE_DATABASE_USER", "airbyte", "airbyte",
      "user of the metadata database", Parsers.text());
  public static final Setting<String> PASSWORD = Setting.of("AIRBYTE_DATABASE_PASSWORD", "", "",
      "password of the metadata database", Parsers.text()).hideValue();
  public static final Setting<Integer> POOL_SIZE = Setting.of("AIRBYTE_DATABASE_POOL_SIZE", "10", 10,
      "connections in the pool of the metadata database", Parsers.wholeNumber());

  public static final List<Setting<?>> VARIABLES = List.of(URL, USER, PASSWORD, POOL_SIZE);

  public static DatabaseConfig fromEnvironment(Map<String, String> env) {
    return new DatabaseConfig(URL.read(env), USER.read(env), PASSWORD.read(env), POOL_SIZE.read(env));
  }

  @Override
  public String toString() {
    return "DatabaseConfig[url=" + url + ", user=" + user + ", poolSize=" + poolSize + "]";
  }
}
