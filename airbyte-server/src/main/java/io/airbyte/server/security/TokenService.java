package io.airbyte.server.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Access tokens for applications: {@code base64(clientId|expiry).base64(HMAC-SHA256)}, signed with a
 * key of the instance; nothing is stored, a token is valid until it expires.
 */
public final class TokenService {

  public static final Duration LIFETIME = Duration.ofMinutes(15);
  private final byte[] key;
  private final Clock clock;

  public TokenService(byte[] key, Clock clock) {
    this.key = key.clone();
    this.clock = clock;
  }

  public String issue(String clientId) {
    String payload = clientId + "|" + clock.instant().plus(LIFETIME).getEpochSecond();
    String body = Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8));
    return body + "." + sign(body);
  }

  /** The client id of a valid token. */
  public Optional<String> verify(String token) {
    int dot = token.indexOf('.');
    if (dot <= 0) {
      return Optional.empty();
    }
    String body = token.substring(0, dot);
    if (!MessageDigest.isEqual(sign(body).getBytes(StandardCharsets.US_ASCII),
        token.substring(dot + 1).getBytes(StandardCharsets.US_ASCII))) {
      return Optional.empty();
    }
    String payload;
    try {
      payload = new String(Base64.getUrlDecoder().decode(body), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    int bar = payload.lastIndexOf('|');
    if (bar < 0) {
      return Optional.empty();
    }
    long expiry = Long.parseLong(payload.substring(bar + 1));
    return clock.instant().getEpochSecond() < expiry ? Optional.of(payload.substring(0, bar)) : Optional.empty();
  }

  private String sign(String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }
}
