package io.airbyte.server.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * Checks HTTP Basic credentials against the instance admin's. The password is held by the process
 * anyway (environment or data directory), so it is compared by constant-time digest equality rather
 * than a password hash: a UI or script polling with Basic auth must not cost a BCrypt round per request.
 */
final class AdminAuthenticationProvider implements AuthenticationProvider {

  private final byte[] username;
  private final byte[] password;

  AdminAuthenticationProvider(AdminCredentials credentials) {
    this.username = sha256(credentials.username());
    this.password = sha256(credentials.password());
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    String name = authentication.getName();
    Object credentials = authentication.getCredentials();
    // both digests are always compared: the time taken does not tell which of the two was wrong
    boolean userMatches = MessageDigest.isEqual(username, sha256(name == null ? "" : name));
    boolean passwordMatches = MessageDigest.isEqual(password, sha256(credentials == null ? "" : credentials.toString()));
    if (!(userMatches & passwordMatches)) {
      throw new BadCredentialsException("Bad credentials");
    }
    return UsernamePasswordAuthenticationToken.authenticated(name, null,
        List.of(new SimpleGrantedAuthority("ROLE_ADMIN"), new SimpleGrantedAuthority("ROLE_API")));
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }

  static byte[] sha256(String value) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
