package io.airbyte.db.secret;

import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Secret values by coordinate, apart from the configurations that refer to them, encrypted. */
public final class SecretRepository {

  private final JdbcClient jdbc;
  private final SecretCipher cipher;

  public SecretRepository(DataSource dataSource, SecretCipher cipher) {
    this.jdbc = JdbcClient.create(dataSource);
    this.cipher = cipher;
  }

  public void put(String coordinate, String value) {
    jdbc.sql("INSERT INTO secret (coordinate, value) VALUES (:c, :v) ON CONFLICT (coordinate) DO UPDATE SET value = excluded.value")
        .param("c", coordinate).param("v", cipher.encrypt(value)).update();
  }

  public Optional<String> get(String coordinate) {
    return jdbc.sql("SELECT value FROM secret WHERE coordinate = :c").param("c", coordinate).query(String.class).optional()
        .map(cipher::decrypt);
  }

  /** A value encrypted with the platform's key, to travel (through Temporal's history) without a secret in clear. */
  public String seal(String value) {
    return cipher.encrypt(value);
  }

  public String open(String sealed) {
    return cipher.decrypt(sealed);
  }

  public void delete(String coordinate) {
    jdbc.sql("DELETE FROM secret WHERE coordinate = :c").param("c", coordinate).update();
  }
}
