package io.airbyte.db.secret;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts secret values with AES-256-GCM (a random 96-bit nonce per value, stored with it). The key
 * comes from {@code AIRBYTE_SECRETS_KEY} (base64 of 32 bytes) or from a key file kept outside the
 * database, made on first start.
 */
public final class SecretCipher {

  private static final String PREFIX = "v1:";
  private static final SecureRandom RANDOM = new SecureRandom();
  private final SecretKeySpec key;

  public SecretCipher(byte[] key) {
    if (key.length != 32) {
      throw new IllegalArgumentException("the secrets key must be 32 bytes (base64 of 32 random bytes), not " + key.length);
    }
    this.key = new SecretKeySpec(key, "AES");
  }

  /** From the environment's {@link SecretsConfig}. */
  public static SecretCipher fromEnvironment(Map<String, String> env) {
    return from(SecretsConfig.fromEnvironment(env));
  }

  /** The configured key, else the key file (made with a fresh random key when missing). */
  public static SecretCipher from(SecretsConfig config) {
    if (config.key() != null) {
      return new SecretCipher(config.key());
    }
    Path keyFile = config.keyFile();
    try {
      if (!Files.exists(keyFile)) {
        byte[] fresh = new byte[32];
        RANDOM.nextBytes(fresh);
        Files.createDirectories(keyFile.toAbsolutePath().getParent());
        // created 0600, never readable by others, not even between its creation and a chmod
        Path tmp = keyFile.resolveSibling(keyFile.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        try {
          Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
          Files.createFile(tmp);
        }
        Files.writeString(tmp, Base64.getEncoder().encodeToString(fresh));
        Files.move(tmp, keyFile, StandardCopyOption.ATOMIC_MOVE);
      }
      return new SecretCipher(Base64.getDecoder().decode(Files.readString(keyFile).trim()));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read or create the secrets key file " + keyFile, e);
    }
  }

  public String encrypt(String plain) {
    try {
      byte[] nonce = new byte[12];
      RANDOM.nextBytes(nonce);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
      byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
      byte[] out = new byte[nonce.length + sealed.length];
      System.arraycopy(nonce, 0, out, 0, nonce.length);
      System.arraycopy(sealed, 0, out, nonce.length, sealed.length);
      return PREFIX + Base64.getEncoder().encodeToString(out);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is not available", e);
    }
  }

  public String decrypt(String stored) {
    if (!stored.startsWith(PREFIX)) {
      throw new IllegalStateException("a secret is not in the encrypted format");
    }
    byte[] in = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, in, 0, 12));
      return new String(cipher.doFinal(in, 12, in.length - 12), StandardCharsets.UTF_8);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("a secret cannot be decrypted: wrong AIRBYTE_SECRETS_KEY or key file?", e);
    }
  }
}
