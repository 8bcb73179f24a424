package io.airbyte.server.connection;

import io.airbyte.protocol.models.AirbyteCatalog;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The config API's catalogs: a source's discovered catalog, and what a new discover changes against
 * a connection's catalog (streams and fields added or removed), for the UI's schema review.
 */
@RestController
@RequestMapping("/api/v1")
class CatalogsController {

  private final ConnectionService connections;

  CatalogsController(ConnectionService connections) {
    this.connections = connections;
  }

  @GetMapping("/sources/{id}/discover")
  AirbyteCatalog discover(@PathVariable UUID id) {
    return connections.discover(id);
  }

  @GetMapping("/connections/{id}/catalog_diff")
  CatalogDiff catalogDiff(@PathVariable UUID id) {
    return connections.catalogDiff(id);
  }
}
