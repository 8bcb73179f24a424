package io.airbyte.server.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The instance admin: {@code AIRBYTE_ADMIN_USERNAME} / {@code AIRBYTE_ADMIN_PASSWORD}; without a
 * password, one is generated on first start, kept in {@code $AIRBYTE_HOME/admin-password} and
 * printed once.
 */
public record AdminCredentials(String username, String password) {

  private static final Logger LOG = LoggerFactory.getLogger(AdminCredentials.class);

  public static AdminCredentials fromEnvironment(Map<String, String> env, Path home) {
    String username = env.getOrDefault("AIRBYTE_ADMIN_USERNAME", "airbyte");
    String password = env.get("AIRBYTE_ADMIN_PASSWORD");
    if (password != null && !password.isBlank()) {
      return new AdminCredentials(username, password);
    }
    Path file = home.resolve("admin-password");
    try {
      if (Files.exists(file)) {
        return new AdminCredentials(username, Files.readString(file).trim());
      }
      byte[] random = new byte[18];
      new SecureRandom().nextBytes(random);
      String generated = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
      Files.createDirectories(home);
      Files.writeString(file, generated);
      LOG.warn("\n\n  No AIRBYTE_ADMIN_PASSWORD was set: the admin password is generated once and kept in {}\n"
          + "  Sign in as '{}' with password: {}\n", file, username, generated);
      return new AdminCredentials(username, generated);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read or write the admin password file " + file, e);
    }
  }
}
