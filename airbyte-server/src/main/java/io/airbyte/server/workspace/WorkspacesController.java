package io.airbyte.server.workspace;

import io.airbyte.db.workspace.Workspace;
import io.airbyte.db.workspace.WorkspaceRepository;
import io.airbyte.server.Page;
import io.airbyte.server.error.ApiException;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/public/v1/workspaces")
class WorkspacesController {

  record WorkspaceResponse(UUID workspaceId, String name, String dataResidency) {
    static WorkspaceResponse of(Workspace w) {
      return new WorkspaceResponse(w.id(), w.name(), "auto");
    }
  }

  record WorkspaceRequest(String name) {}

  private final WorkspaceRepository workspaces;
  private final WorkspaceResources resources;

  WorkspacesController(WorkspaceRepository workspaces, WorkspaceResources resources) {
    this.workspaces = workspaces;
    this.resources = resources;
  }

  @GetMapping
  Page<WorkspaceResponse> list(@RequestParam(required = false) List<UUID> workspaceIds,
      @RequestParam(defaultValue = "false") boolean includeDeleted, @RequestParam(defaultValue = "20") int limit,
      @RequestParam(defaultValue = "0") int offset) {
    Page.checkPaging(limit, offset);
    List<WorkspaceResponse> data = workspaces.list(includeDeleted, limit, offset).stream()
        .filter(w -> workspaceIds == null || workspaceIds.isEmpty() || workspaceIds.contains(w.id()))
        .map(WorkspaceResponse::of).toList();
    return Page.of(data, limit, offset);
  }

  @GetMapping("/{workspaceId}")
  WorkspaceResponse get(@PathVariable UUID workspaceId) {
    return WorkspaceResponse.of(workspaces.get(workspaceId));
  }

  @PostMapping
  WorkspaceResponse create(@RequestBody WorkspaceRequest request) {
    return WorkspaceResponse.of(workspaces.create(requireName(request), null));
  }

  @PatchMapping("/{workspaceId}")
  WorkspaceResponse update(@PathVariable UUID workspaceId, @RequestBody WorkspaceRequest request) {
    return WorkspaceResponse.of(workspaces.update(workspaceId, requireName(request), null));
  }

  @DeleteMapping("/{workspaceId}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void delete(@PathVariable UUID workspaceId) {
    // as Airbyte: the workspace's sources, destinations and connections go with it (none is left
    // listed, none runs again)
    workspaces.get(workspaceId);
    resources.deleteAll(workspaceId);
    workspaces.delete(workspaceId);
  }

  private static String requireName(WorkspaceRequest request) {
    if (request == null || request.name() == null || request.name().isBlank()) {
      throw ApiException.unprocessable("The workspace needs a name", List.of("name: required"));
    }
    return request.name();
  }
}
