package io.airbyte.server.config;

import io.airbyte.scheduler.TemporalClients;
import io.airbyte.server.config.PlatformBeans.PlatformEnvironment;
import io.temporal.client.WorkflowClient;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Defaults a host may replace (an auto-configuration, so the host's own beans come first): the
 * process environment, the {@link ServerConfig} built from it, and a client of its Temporal server.
 */
@AutoConfiguration
public class PlatformDefaults {

  @Bean
  @ConditionalOnMissingBean
  PlatformEnvironment platformEnvironment() {
    return new PlatformEnvironment(System.getenv());
  }

  /** Built once from the environment; invalid values stop the start with a message naming the variable. */
  @Bean
  @ConditionalOnMissingBean
  ServerConfig serverConfig(PlatformEnvironment env) {
    return ServerConfig.fromEnvironment(env.values());
  }

  @Bean
  @ConditionalOnMissingBean
  WorkflowClient workflowClient(ServerConfig config) {
    return TemporalClients.create(config.temporal());
  }
}
