package io.airbyte.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.airbyte.db.settings.InvalidSettingException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StandaloneConfigTest {

  @Test
  void theWorkspaceAndTheConnectorsAreUnderTheHomeAndTheSchedulerIsEmbedded() {
    StandaloneConfig config = StandaloneConfig.fromEnvironment(Map.of("AIRBYTE_HOME", "/srv/airbyte",
        // set by the platform itself: ignored
        "AIRBYTE_DATABASE_URL", "not a url", "AIRBYTE_EMBED_SCHEDULER", "false", "TEMPORAL_HOST", "elsewhere:7233"))
        .withTemporal("127.0.0.1:7999");
    assertThat(config.home()).isEqualTo(Path.of("/srv/airbyte"));
    assertThat(config.worker().processes().workspaceRoot()).isEqualTo(Path.of("/srv/airbyte/workspace"));
    assertThat(config.worker().localConnectorsDir()).isEqualTo(Path.of("/srv/airbyte/connectors"));
    assertThat(config.worker().embeddedScheduler()).isNotNull();
    assertThat(config.worker().embeddedScheduler().reconcileInterval()).isEqualTo(Duration.ofSeconds(60));
    assertThat(config.worker().embeddedScheduler().temporal().target()).isEqualTo("127.0.0.1:7999");
    assertThat(config.server().temporal().target()).isEqualTo("127.0.0.1:7999");
    assertThat(config.server().secrets().keyFile()).isEqualTo(Path.of("/srv/airbyte/secrets.key"));
  }

  @Test
  void anInvalidValueStopsTheStartNamingTheVariable() {
    assertThatThrownBy(() -> StandaloneConfig.fromEnvironment(Map.of("AIRBYTE_HOME", "/srv/airbyte", "AIRBYTE_MAX_ATTEMPTS", "x")))
        .isInstanceOf(InvalidSettingException.class).hasMessage("AIRBYTE_MAX_ATTEMPTS: 'x' is not a whole number");
  }
}
