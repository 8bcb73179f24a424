package io.airbyte.server.declarative;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public API's declarative (low-code) source definitions of a workspace, as Airbyte's:
 * {@code POST {name, manifest}}, {@code GET} (a list under {@code data}), and by id {@code GET},
 * {@code PUT {manifest}} (a new version) and {@code DELETE} (answers the deleted definition).
 */
@RestController
@RequestMapping("/api/public/v1/workspaces/{workspaceId}/definitions/declarative_sources")
class DeclarativeSourcesController {

  private final DeclarativeSourceService service;

  DeclarativeSourcesController(DeclarativeSourceService service) {
    this.service = service;
  }

  @GetMapping
  Map<String, List<DeclarativeSourceRequests.Response>> list(@PathVariable UUID workspaceId) {
    return Map.of("data", service.list(workspaceId));
  }

  @PostMapping
  DeclarativeSourceRequests.Response create(@PathVariable UUID workspaceId,
      @RequestBody DeclarativeSourceRequests.Create request) {
    return service.create(workspaceId, request);
  }

  @GetMapping("/{definitionId}")
  DeclarativeSourceRequests.Response get(@PathVariable UUID workspaceId, @PathVariable UUID definitionId) {
    return service.get(workspaceId, definitionId);
  }

  @PutMapping("/{definitionId}")
  DeclarativeSourceRequests.Response update(@PathVariable UUID workspaceId, @PathVariable UUID definitionId,
      @RequestBody DeclarativeSourceRequests.Update request) {
    return service.update(workspaceId, definitionId, request);
  }

  @DeleteMapping("/{definitionId}")
  DeclarativeSourceRequests.Response delete(@PathVariable UUID workspaceId, @PathVariable UUID definitionId) {
    return service.delete(workspaceId, definitionId);
  }
}
