package io.airbyte.server.connection;

import io.airbyte.contract.connection.ConnectionManagerWorkflow;
import io.airbyte.contract.connection.NamespaceDefinition;
import io.airbyte.contract.connector.ActorType;
import io.airbyte.contract.schedule.Schedule;
import io.airbyte.db.actor.Actor;
import io.airbyte.db.actor.ActorRepository;
import io.airbyte.db.connection.Connection;
import io.airbyte.db.connection.ConnectionRepository;
import io.airbyte.protocol.models.ConfiguredAirbyteCatalog;
import io.airbyte.scheduler.reconcile.ConnectionWorkflows;
import io.airbyte.server.Page;
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

/** Connections as Airbyte's public API has them: create, read, list, patch, delete. */
@RestController
@RequestMapping("/api/public/v1/connections")
class ConnectionsController {

  private final ConnectionService connections;

  ConnectionsController(ConnectionService connections) {
    this.connections = connections;
  }

  @PostMapping
  ConnectionResponse create(@RequestBody ConnectionRequest request) {
    return connections.create(request);
  }

  @GetMapping("/{connectionId}")
  ConnectionResponse get(@PathVariable UUID connectionId) {
    return connections.get(connectionId);
  }

  @GetMapping
  Page<ConnectionResponse> list(@RequestParam(required = false) List<UUID> workspaceIds,
      @RequestParam(defaultValue = "false") boolean includeDeleted, @RequestParam(defaultValue = "20") int limit,
      @RequestParam(defaultValue = "0") int offset) {
    Page.checkPaging(limit, offset);
    return Page.of(connections.list(workspaceIds == null ? List.of() : workspaceIds, includeDeleted, limit, offset),
        limit, offset);
  }

  @PatchMapping("/{connectionId}")
  ConnectionResponse patch(@PathVariable UUID connectionId, @RequestBody ConnectionRequest request) {
    return connections.update(connectionId, request);
  }

  @DeleteMapping("/{connectionId}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void delete(@PathVariable UUID connectionId) {
    connections.delete(connectionId);
  }
}
