package io.airbyte.server.application;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.airbyte.db.application.Application;
import io.airbyte.db.application.ApplicationRepository;
import io.airbyte.db.workspace.WorkspaceRepository;
import io.airbyte.server.error.ApiException;
import io.airbyte.server.security.TokenService;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Applications (client id + secret) and the token endpoint, as Airbyte's. */
@RestController
@RequestMapping("/api/public/v1/applications")
class ApplicationsController {

  record ApplicationRequest(String name) {}

  record ApplicationResponse(UUID id, String name, String clientId, String clientSecret, long createdAt) {}

  record ApplicationList(List<ApplicationResponse> applications) {}

  record TokenRequest(@JsonProperty("client_id") String clientId, @JsonProperty("client_secret") String clientSecret,
      @JsonProperty("grant-type") String grantType) {}

  record TokenResponse(@JsonProperty("access_token") String accessToken, @JsonProperty("token_type") String tokenType,
      @JsonProperty("expires_in") long expiresIn) {}

  private final ApplicationRepository applications;
  private final WorkspaceRepository workspaces;
  private final PasswordEncoder encoder;
  private final TokenService tokens;
  private final SecureRandom random = new SecureRandom();

  ApplicationsController(ApplicationRepository applications, WorkspaceRepository workspaces, PasswordEncoder encoder,
      TokenService tokens) {
    this.applications = applications;
    this.workspaces = workspaces;
    this.encoder = encoder;
    this.tokens = tokens;
  }

  @PostMapping
  ApplicationResponse create(@RequestBody ApplicationRequest request) {
    if (request.name() == null || request.name().isBlank()) {
      throw ApiException.unprocessable("The application needs a name", List.of("name: required"));
    }
    String clientId = UUID.randomUUID().toString();
    byte[] secret = new byte[32];
    random.nextBytes(secret);
    String clientSecret = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    Application app = applications.create(workspaces.ensureDefault().id(), request.name(), clientId, encoder.encode(clientSecret));
    // the secret is shown this once; only its hash is kept
    return new ApplicationResponse(app.id(), app.name(), clientId, clientSecret, app.createdAt().getEpochSecond());
  }

  @GetMapping
  ApplicationList list() {
    return new ApplicationList(applications.list().stream()
        .map(a -> new ApplicationResponse(a.id(), a.name(), a.clientId(), null, a.createdAt().getEpochSecond())).toList());
  }

  @DeleteMapping("/{applicationId}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void delete(@PathVariable UUID applicationId) {
    applications.delete(applicationId);
  }

  @PostMapping("/token")
  TokenResponse token(@RequestBody TokenRequest request) {
    if (request.clientId() == null || request.clientSecret() == null) {
      throw ApiException.unprocessable("client_id and client_secret are required",
          List.of(request.clientId() == null ? "client_id: required" : "client_secret: required"));
    }
    Application app = applications.findByClientId(request.clientId())
        .filter(a -> encoder.matches(request.clientSecret(), a.clientSecretHash()))
        .orElseThrow(() -> new ApiException(HttpStatus.UNAUTHORIZED, "Unknown client_id or wrong client_secret", List.of()));
    return new TokenResponse(tokens.issue(app.clientId()), "Bearer", TokenService.LIFETIME.toSeconds());
  }
}
