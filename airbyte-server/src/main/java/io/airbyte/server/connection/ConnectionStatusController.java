package io.airbyte.server.connection;

import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/connections/{id}/status}: the running job with per-stream progress, the next run, the last job. */
@RestController
class ConnectionStatusController {

  private final ConnectionService connections;

  ConnectionStatusController(ConnectionService connections) {
    this.connections = connections;
  }

  @GetMapping("/api/v1/connections/{id}/status")
  ConnectionStatus status(@PathVariable UUID id) {
    return connections.liveStatus(id);
  }
}
