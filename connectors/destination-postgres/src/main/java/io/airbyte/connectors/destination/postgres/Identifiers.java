package io.airbyte.connectors.destination.postgres;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * PostgreSQL identifiers (always quoted, by the dialect): names longer than PostgreSQL's 63 bytes are
 * shortened deterministically to a prefix plus a hash of the whole name, so two long names never
 * collide.
 */
final class Identifiers {

  static final int MAX_BYTES = 63;
  private static final int HASH_CHARS = 8;

  private Identifiers() {}

  /** The name PostgreSQL will store: unchanged when it fits, else prefix + "_" + hash. */
  static String fit(String identifier) {
    String clean = identifier.replace("\u0000", "");
    if (clean.getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES) {
      return clean;
    }
    String hash = hash(clean);
    int budget = MAX_BYTES - HASH_CHARS - 1;
    StringBuilder prefix = new StringBuilder();
    int bytes = 0;
    for (int i = 0; i < clean.length(); ) {
      int cp = clean.codePointAt(i);
      int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
      if (bytes + size > budget) {
        break;
      }
      prefix.appendCodePoint(cp);
      bytes += size;
      i += Character.charCount(cp);
    }
    return prefix + "_" + hash;
  }

  private static String hash(String name) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest).substring(0, HASH_CHARS);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
