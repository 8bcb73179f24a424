package io.airbyte.server.config;

import io.airbyte.db.actor.ActorRepository;
import io.airbyte.db.application.ApplicationRepository;
import io.airbyte.db.connection.ConnectionRepository;
import io.airbyte.db.definition.DefinitionRepository;
import io.airbyte.db.job.JobRepository;
import io.airbyte.db.secret.SecretCipher;
import io.airbyte.db.secret.SecretRepository;
import io.airbyte.db.secret.SecretSplitter;
import io.airbyte.db.workspace.WorkspaceRepository;
import io.airbyte.scheduler.TemporalSettings;
import io.airbyte.scheduler.command.ConnectorCommands;
import io.airbyte.scheduler.reconcile.ConnectionWorkflows;
import io.airbyte.server.security.AdminCredentials;
import io.temporal.client.WorkflowClient;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The platform's pieces the API uses: repositories on the metadata database (Boot's DataSource,
 * migrated by Flyway), secrets, Temporal's client and the connection workflows, configured by the
 * {@link ServerConfig}. It and the workflow client come from {@link PlatformDefaults} unless the host
 * (the standalone platform, a test) provides its own.
 */
@Configuration
public class PlatformBeans {

  /** The default workspace exists after the first start (the database is migrated by then). */
  @Bean
  org.springframework.boot.ApplicationRunner defaultWorkspace(WorkspaceRepository workspaces) {
    return args -> workspaces.ensureDefault();
  }

  @Bean
  AdminCredentials adminCredentials(ServerConfig config) {
    return AdminCredentials.resolve(config.adminUsername(), config.adminPassword(), config.home());
  }

  @Bean
  SecretCipher secretCipher(ServerConfig config) {
    return SecretCipher.from(config.secrets());
  }

  @Bean
  TemporalSettings temporalSettings(ServerConfig config) {
    return config.temporal();
  }

  @Bean
  ConnectionWorkflows connectionWorkflows(WorkflowClient client, TemporalSettings settings) {
    return new ConnectionWorkflows(client, settings.schedulerTaskQueue(), settings.workerTaskQueue());
  }

  @Bean
  ConnectorCommands connectorCommands(WorkflowClient client, TemporalSettings settings) {
    return new ConnectorCommands(client, settings.schedulerTaskQueue(), settings.workerTaskQueue());
  }

  @Bean
  WorkspaceRepository workspaceRepository(DataSource ds) {
    return new WorkspaceRepository(ds);
  }

  @Bean
  DefinitionRepository definitionRepository(DataSource ds) {
    return new DefinitionRepository(ds);
  }

  @Bean
  ActorRepository actorRepository(DataSource ds) {
    return new ActorRepository(ds);
  }

  @Bean
  ConnectionRepository connectionRepository(DataSource ds) {
    return new ConnectionRepository(ds);
  }

  @Bean
  JobRepository jobRepository(DataSource ds) {
    return new JobRepository(ds);
  }

  @Bean
  ApplicationRepository applicationRepository(DataSource ds) {
    return new ApplicationRepository(ds);
  }

  @Bean
  SecretSplitter secretSplitter(DataSource ds, SecretCipher cipher) {
    return new SecretSplitter(new SecretRepository(ds, cipher));
  }

  /** The environment the server's {@link ServerConfig} is built from (the process's, or a test's). */
  public record PlatformEnvironment(Map<String, String> values) {}
}
