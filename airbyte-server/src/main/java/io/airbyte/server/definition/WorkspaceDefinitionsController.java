package io.airbyte.server.definition;

import io.airbyte.contract.connector.ActorType;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public API's definitions of a workspace, in Airbyte's shapes:
 * {@code /api/public/v1/workspaces/{workspaceId}/definitions/sources} and {@code …/destinations}:
 * list ({@code {"data":[…]}}, the built-in ones and the workspace's own), create (by image or, our
 * extension, by {@code runtime}), get and delete one. Updating a definition in place is absent.
 */
@RestController
@RequestMapping("/api/public/v1/workspaces/{workspaceId}/definitions")
class WorkspaceDefinitionsController {

  /** Airbyte's {@code DefinitionsResponse}. */
  record Definitions(List<DefinitionResponse> data) {}

  private final DefinitionService definitions;

  WorkspaceDefinitionsController(DefinitionService definitions) {
    this.definitions = definitions;
  }

  @GetMapping("/{kind:sources|destinations}")
  Definitions list(@PathVariable UUID workspaceId, @PathVariable String kind) {
    return new Definitions(definitions.list(type(kind), workspaceId));
  }

  @PostMapping("/{kind:sources|destinations}")
  DefinitionResponse create(@PathVariable UUID workspaceId, @PathVariable String kind,
      @RequestBody WorkspaceDefinitionRequest request) {
    return definitions.create(type(kind), workspaceId, request);
  }

  @GetMapping("/{kind:sources|destinations}/{definitionId}")
  DefinitionResponse get(@PathVariable UUID workspaceId, @PathVariable String kind, @PathVariable UUID definitionId) {
    return definitions.get(type(kind), workspaceId, definitionId);
  }

  @DeleteMapping("/{kind:sources|destinations}/{definitionId}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void delete(@PathVariable UUID workspaceId, @PathVariable String kind, @PathVariable UUID definitionId) {
    definitions.delete(type(kind), workspaceId, definitionId);
  }

  private static ActorType type(String kind) {
    return kind.equals("sources") ? ActorType.SOURCE : ActorType.DESTINATION;
  }
}
