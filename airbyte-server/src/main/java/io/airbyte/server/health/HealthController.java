package io.airbyte.server.health;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/public/v1/health}, without auth, as Airbyte's. */
@RestController
class HealthController {

  @GetMapping(path = "/api/public/v1/health", produces = MediaType.TEXT_PLAIN_VALUE)
  String health() {
    return "Successful operation";
  }
}
