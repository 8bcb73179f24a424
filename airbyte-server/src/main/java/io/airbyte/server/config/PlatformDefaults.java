package io.airbyte.server.config;

import io.airbyte.scheduler.TemporalClients;
import io.airbyte.scheduler.TemporalSettings;
import io.airbyte.server.config.PlatformBeans.PlatformEnvironment;
import io.temporal.client.WorkflowClient;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Defaults a host may replace (an auto-configuration, so the host's own beans come first): the
 * process environment, and a client of the Temporal server {@code TEMPORAL_HOST} names.
 */
@AutoConfiguration
public class PlatformDefaults {

  @Bean
  @ConditionalOnMissingBean
  PlatformEnvironment platformEnvironment() {
    return new PlatformEnvironment(System.getenv());
  }

  @Bean
  @ConditionalOnMissingBean
  WorkflowClient workflowClient(PlatformEnvironment env) {
    return TemporalClients.create(TemporalSettings.fromEnvironment(env.values()));
  }
}
