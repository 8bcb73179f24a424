package io.airbyte.server;

import io.airbyte.db.MetadataDatabase;
import io.airbyte.db.application.ApplicationRepository;
import io.airbyte.db.workspace.WorkspaceRepository;
import io.airbyte.server.security.AdminCredentials;
import io.airbyte.server.security.SecurityConfiguration;
import io.airbyte.testsupport.postgres.EmbeddedPostgresServer;
import io.airbyte.testsupport.postgres.PostgresTestDatabase;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javax.sql.DataSource;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * What a {@code @WebMvcTest} slice needs besides its controller (and the problem handler the slice
 * picks up): the real security configuration, admin credentials, and repositories on a migrated embedded PostgreSQL
 * database of its own (no Temporal, no connectors).
 */
@TestConfiguration(proxyBeanMethods = false)
@Import(SecurityConfiguration.class)
public class WebSliceBeans {

  public static final String ADMIN = "airbyte";
  public static final String ADMIN_PASSWORD = "slice-admin-pw";
  private static final PostgresTestDatabase DB = EmbeddedPostgresServer.get().createDatabase();

  static {
    MetadataDatabase.migrate(DB.dataSource());
  }

  /** {@code Authorization} header value for the admin's HTTP Basic credentials. */
  public static String adminBasic() {
    return basic(ADMIN, ADMIN_PASSWORD);
  }

  public static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  @Bean
  DataSource dataSource() {
    return DB.dataSource();
  }

  @Bean
  AdminCredentials adminCredentials() {
    return new AdminCredentials(ADMIN, ADMIN_PASSWORD);
  }

  @Bean
  WorkspaceRepository workspaceRepository(DataSource ds) {
    return new WorkspaceRepository(ds);
  }

  @Bean
  ApplicationRepository applicationRepository(DataSource ds) {
    return new ApplicationRepository(ds);
  }
}
