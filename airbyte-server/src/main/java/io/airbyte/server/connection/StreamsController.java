package io.airbyte.server.connection;

import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /streams?sourceId=&destinationId=}: the source's streams and what each allows, from a discover. */
@RestController
class StreamsController {

  private final ConnectionService connections;

  StreamsController(ConnectionService connections) {
    this.connections = connections;
  }

  @GetMapping("/api/public/v1/streams")
  List<StreamProperties> streams(@RequestParam UUID sourceId, @RequestParam(required = false) UUID destinationId) {
    return connections.streams(sourceId);
  }
}
