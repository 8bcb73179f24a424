package io.airbyte.db.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.airbyte.protocol.json.Jsons;
import java.security.SecureRandom;
import io.airbyte.testsupport.postgres.PostgresExtension;
import io.airbyte.testsupport.postgres.PostgresTestDatabase;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A configuration that travels through Temporal (a check before saving) is sealed as a whole: the
 * sealed text holds no value of it, only the same key opens it, and it opens to the same JSON.
 */
@ExtendWith(PostgresExtension.class)
class SealedConfigIT {

  private final PostgresTestDatabase db;

  SealedConfigIT(PostgresTestDatabase db) {
    this.db = db;
  }

  private static byte[] key() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return key;
  }

  @Test
  void aSealedConfigurationCarriesNoValueInClearAndOpensWithTheSameKeyOnly() {
    byte[] key = key();
    SecretSplitter splitter = new SecretSplitter(new SecretRepository(db.dataSource(), new SecretCipher(key)));
    JsonNode config = Jsons.deserialize("{\"host\":\"db.internal\",\"password\":\"s3cr3t-Pa55\",\"ssl_mode\":{\"mode\":\"disable\"}}");

    String sealed = splitter.seal(config);

    assertThat(sealed).doesNotContain("s3cr3t-Pa55").doesNotContain("db.internal").doesNotContain("password");
    assertThat(new String(Base64.getDecoder().decode(sealed.substring(sealed.indexOf(':') + 1)))).doesNotContain("s3cr3t");
    assertThat(splitter.unseal(sealed)).isEqualTo(config);
    assertThat(splitter.seal(config)).as("a fresh nonce each time").isNotEqualTo(sealed);
    SecretSplitter otherKey = new SecretSplitter(new SecretRepository(db.dataSource(), new SecretCipher(key())));
    assertThatThrownBy(() -> otherKey.unseal(sealed)).isInstanceOf(RuntimeException.class);
  }
}
