package io.airbyte.server.security;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * Everything but health, the token endpoint, the OpenAPI document and the UI's static files needs
 * a bearer token or the admin's HTTP Basic credentials; otherwise 401 as problem+json.
 */
@Configuration
public class SecurityConfiguration {

  @Bean
  PasswordEncoder passwordEncoder() {
    return PasswordEncoderFactories.createDelegatingPasswordEncoder();
  }

  @Bean
  AuthenticationProvider admin(AdminCredentials credentials) {
    return new AdminAuthenticationProvider(credentials);
  }

  @Bean
  TokenService tokenService(AdminCredentials credentials) {
    // the signing key comes from the admin credentials: tokens survive restarts, a new password revokes them
    return new TokenService(deriveKey(credentials), Clock.systemUTC());
  }

  private static byte[] deriveKey(AdminCredentials credentials) {
    return AdminAuthenticationProvider.sha256("airbyte-token-key|" + credentials.username() + "|" + credentials.password());
  }

  @Bean
  SecurityFilterChain api(HttpSecurity http, TokenService tokens) throws Exception {
    http.csrf(csrf -> csrf.disable())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .authorizeHttpRequests(auth -> auth
            .requestMatchers(HttpMethod.GET, "/api/public/v1/health", "/actuator/health", "/actuator/health/**").permitAll()
            .requestMatchers(HttpMethod.POST, "/api/public/v1/applications/token").permitAll()
            .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html").permitAll()
            .requestMatchers("/api/**", "/actuator/**").authenticated()
            .anyRequest().permitAll())
        .httpBasic(basic -> basic.authenticationEntryPoint((request, response, e) -> unauthorized(response)))
        .exceptionHandling(e -> e.authenticationEntryPoint((request, response, ex) -> unauthorized(response)))
        .addFilterBefore(new BearerTokenFilter(tokens), BasicAuthenticationFilter.class);
    return http.build();
  }

  private static void unauthorized(jakarta.servlet.http.HttpServletResponse response) throws java.io.IOException {
    response.setStatus(HttpStatus.UNAUTHORIZED.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401,"
        + "\"detail\":\"Send a bearer token (POST /api/public/v1/applications/token) or the admin's HTTP Basic credentials\"}");
  }
}
