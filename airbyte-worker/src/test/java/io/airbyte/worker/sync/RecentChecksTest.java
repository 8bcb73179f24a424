package io.airbyte.worker.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.airbyte.contract.connector.ConnectorRuntime.BuiltInJar;
import io.airbyte.protocol.json.Jsons;
import io.airbyte.worker.process.ConnectorRole;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RecentChecksTest {

  private final MutableClock clock = new MutableClock();
  private final RecentChecks checks = new RecentChecks(Duration.ofMinutes(5), clock);
  private final BuiltInJar postgres = new BuiltInJar("source-postgres");

  @Test
  void aPassedCheckIsReusedUntilTheReusePeriodEnds() {
    checks.passed(ConnectorRole.SOURCE, postgres, config("secret"));
    clock.advance(Duration.ofSeconds(299));
    assertThat(checks.passedWithin(ConnectorRole.SOURCE, postgres, config("secret"))).contains(Duration.ofSeconds(299));
    clock.advance(Duration.ofSeconds(1));
    assertThat(checks.passedWithin(ConnectorRole.SOURCE, postgres, config("secret"))).isEmpty();
  }

  @Test
  void anotherValueAnotherConnectorOrAnotherRoleIsAnotherCheckButTheOrderOfKeysIsNot() {
    checks.passed(ConnectorRole.SOURCE, postgres, config("secret"));
    assertThat(checks.passedWithin(ConnectorRole.SOURCE, postgres, config("changed"))).isEmpty();
    assertThat(checks.passedWithin(ConnectorRole.SOURCE, new BuiltInJar("source-faker"), config("secret"))).isEmpty();
    assertThat(checks.passedWithin(ConnectorRole.DESTINATION, postgres, config("secret"))).isEmpty();
    JsonNode reordered = Jsons.deserialize("{\"ssl_mode\":{\"mode\":\"disable\"},\"password\":\"secret\",\"host\":\"db\"}");
    assertThat(checks.passedWithin(ConnectorRole.SOURCE, postgres, reordered)).isPresent();
  }

  @Test
  void aForgottenCheckIsCheckedAgain() {
    checks.passed(ConnectorRole.SOURCE, postgres, config("secret"));
    checks.forget(ConnectorRole.SOURCE, postgres, config("secret"));
    assertThat(checks.passedWithin(ConnectorRole.SOURCE, postgres, config("secret"))).isEmpty();
  }

  @Test
  void aReusePeriodOfZeroRemembersNothingAndANegativeOneIsRefused() {
    RecentChecks none = new RecentChecks(Duration.ZERO, clock);
    none.passed(ConnectorRole.SOURCE, postgres, config("secret"));
    assertThat(none.passedWithin(ConnectorRole.SOURCE, postgres, config("secret"))).isEmpty();
    assertThatThrownBy(() -> new RecentChecks(Duration.ofSeconds(-1), clock)).isInstanceOf(IllegalArgumentException.class);
  }

  private static JsonNode config(String password) {
    return Jsons.deserialize("{\"host\":\"db\",\"password\":\"" + password + "\",\"ssl_mode\":{\"mode\":\"disable\"}}");
  }

  private static final class MutableClock extends Clock {
    private Instant now = Instant.parse("2026-12-03T12:00:00Z");

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
