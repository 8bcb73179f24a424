package io.airbyte.server.config;

import io.airbyte.db.DatabaseConfig;
import io.airbyte.db.secret.SecretsConfig;
import io.airbyte.db.settings.Parsers;
import io.airbyte.db.settings.PlatformHome;
import io.airbyte.db.settings.Setting;
import io.airbyte.db.settings.Settings;
import io.airbyte.scheduler.TemporalSettings;
import io.airbyte.server.security.AdminCredentials;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Everything the API server reads from the environment, built once ({@link PlatformBeans}). The
 * server's port and metadata database are Spring Boot's ({@code application.properties} maps the
 * variables of {@link #SPRING_VARIABLES} onto {@code server.port} and {@code spring.datasource.*}).
 *
 * @param adminPassword {@code null} when unset: one is generated on first start ({@link AdminCredentials})
 */
public record ServerConfig(Path home, TemporalSettings temporal, SecretsConfig secrets, String adminUsername, String adminPassword) {

  /** Read by Spring Boot through {@code application.properties}, with these defaults (declared here for the README). */
  public static final List<Setting<?>> SPRING_VARIABLES = List.of(
      Setting.of("SERVER_PORT", "8000", 8000, "port of the UI and the API", Parsers.wholeNumber()),
      Setting.of(DatabaseConfig.URL.name(), "jdbc:postgresql://localhost:5432/airbyte", null, DatabaseConfig.URL.meaning(),
          DatabaseConfig.URL.parser()),
      DatabaseConfig.USER, DatabaseConfig.PASSWORD);

  public static final List<Setting<?>> VARIABLES = Settings.concat(List.of(PlatformHome.AIRBYTE_HOME), TemporalSettings.VARIABLES,
      SecretsConfig.VARIABLES, AdminCredentials.VARIABLES, SPRING_VARIABLES);

  public static ServerConfig fromEnvironment(Map<String, String> env) {
    return new ServerConfig(PlatformHome.read(env), TemporalSettings.fromEnvironment(env), SecretsConfig.fromEnvironment(env),
        AdminCredentials.USERNAME.read(env), AdminCredentials.PASSWORD.read(env));
  }

  @Override
  public String toString() {
    return "ServerConfig[home=" + home + ", temporal=" + temporal + ", secrets=" + secrets + ", adminUsername=" + adminUsername + "]";
  }
}
