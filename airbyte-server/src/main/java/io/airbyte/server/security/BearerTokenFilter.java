package io.airbyte.server.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/** Authenticates {@code Authorization: Bearer <token>} with a token the instance issued. */
final class BearerTokenFilter extends OncePerRequestFilter {

  private final TokenService tokens;

  BearerTokenFilter(TokenService tokens) {
    this.tokens = tokens;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String header = request.getHeader("Authorization");
    if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      tokens.verify(header.substring(7).trim()).ifPresent(clientId -> SecurityContextHolder.getContext().setAuthentication(
          new UsernamePasswordAuthenticationToken("application:" + clientId, null,
              List.of(new SimpleGrantedAuthority("ROLE_API")))));
    }
    chain.doFilter(request, response);
  }
}
