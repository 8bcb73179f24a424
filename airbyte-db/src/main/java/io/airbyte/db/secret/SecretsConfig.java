package io.airbyte.db.secret;

import io.airbyte.db.settings.Parsers;
import io.airbyte.db.settings.PlatformHome;
import io.airbyte.db.settings.Setting;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * The key encrypting connector secrets: {@code key} (32 bytes) when configured, else the key file,
 * made with a fresh random key on first start.
 */
public record SecretsConfig(byte[] key, Path keyFile) {

  public static final Setting<byte[]> KEY = Setting.optional("AIRBYTE_SECRETS_KEY",
      "base64 of 32 bytes encrypting connector secrets (unset: a key generated into the key file; keep it)",
      SecretsConfig::decode).hideValue();
  public static final Setting<Path> KEY_FILE = Setting.derived("AIRBYTE_SECRETS_KEY_FILE", "$AIRBYTE_HOME/secrets.key",
      "the key file used when `AIRBYTE_SECRETS_KEY` is unset", Parsers.path());

  public static final List<Setting<?>> VARIABLES = List.of(KEY, KEY_FILE, PlatformHome.AIRBYTE_HOME);

  public static SecretsConfig fromEnvironment(Map<String, String> env) {
    Path file = KEY_FILE.read(env);
    return new SecretsConfig(KEY.read(env), file != null ? file : PlatformHome.read(env).resolve("secrets.key"));
  }

  private static byte[] decode(String text) {
    byte[] key;
    try {
      key = Base64.getDecoder().decode(text.trim());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("is not the base64 of 32 random bytes: " + e.getMessage());
    }
    if (key.length != 32) {
      throw new IllegalArgumentException("is not the base64 of 32 random bytes (it holds " + key.length + ")");
    }
    return key;
  }

  @Override
  public String toString() {
    return "SecretsConfig[key=" + (key == null ? "none" : "set") + ", keyFile=" + keyFile + "]";
  }
}
