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
import io.airbyte.server.error.ApiException;
import java.util.ArrayList;
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
@RequestMapping("/api/public/v1/connections")
class ConnectionsController {

  private final ConnectionRepository connections;
  private final ActorRepository actors;
  private final SourceCatalogs catalogs;
  private final ConnectionWorkflows workflows;

  ConnectionsController(ConnectionRepository connections, ActorRepository actors, SourceCatalogs catalogs,
      ConnectionWorkflows workflows) {
    this.connections = connections;
    this.actors = actors;
    this.catalogs = catalogs;
    this.workflows = workflows;
  }

  @PostMapping
  ConnectionResponse create(@RequestBody ConnectionRequest request) {
    List<String> missing = new ArrayList<>();
    if (request.sourceId() == null) {
      missing.add("sourceId: required");
    }
    if (request.destinationId() == null) {
      missing.add("destinationId: required");
    }
    if (!missing.isEmpty()) {
      throw ApiException.unprocessable("The connection needs a source and a destination", missing);
    }
    // refused before anything costly (the discover) runs
    Schedule schedule = Schedules.fromApi(request.schedule());
    Actor source = actors.get(ActorType.SOURCE, request.sourceId());
    Actor destination = actors.get(ActorType.DESTINATION, request.destinationId());
    ConfiguredAirbyteCatalog catalog = CatalogBuilder.build(catalogs.discover(source.id()),
        request.configurations() == null ? null : request.configurations().streams());
    String name = request.name() == null || request.name().isBlank() ? source.name() + " → " + destination.name() : request.name();
    Connection created = connections.create(new Connection(null, source.id(), destination.id(), name, catalog,
        namespaceDefinition(request.namespaceDefinition()), request.namespaceFormat(), request.prefix(),
        schedule, nonBreaking(request.nonBreakingSchemaUpdatesBehavior()),
        status(request.status()), null, null, null));
    workflows.ensureStarted(created.id());
    return ConnectionResponse.of(created, source.workspaceId());
  }

  @GetMapping("/{connectionId}")
  ConnectionResponse get(@PathVariable UUID connectionId) {
    Connection c = connections.get(connectionId);
    return ConnectionResponse.of(c, workspaceOf(c));
  }

  @GetMapping
  Page<ConnectionResponse> list(@RequestParam(required = false) List<UUID> workspaceIds,
      @RequestParam(defaultValue = "false") boolean includeDeleted, @RequestParam(defaultValue = "20") int limit,
      @RequestParam(defaultValue = "0") int offset) {
    Page.checkPaging(limit, offset);
    return Page.of(connections.list(workspaceIds == null ? List.of() : workspaceIds, includeDeleted, limit, offset).stream()
        .map(c -> ConnectionResponse.of(c, workspaceOf(c))).toList(), limit, offset);
  }

  @PatchMapping("/{connectionId}")
  ConnectionResponse patch(@PathVariable UUID connectionId, @RequestBody ConnectionRequest request) {
    Connection c = connections.get(connectionId);
    Schedule schedule = request.schedule() == null ? c.schedule() : Schedules.fromApi(request.schedule());
    ConfiguredAirbyteCatalog catalog = c.catalog();
    if (request.configurations() != null && request.configurations().streams() != null) {
      catalog = CatalogBuilder.build(catalogs.discover(c.sourceId()), request.configurations().streams());
    }
    Connection updated = connections.update(new Connection(c.id(), c.sourceId(), c.destinationId(),
        request.name() == null ? c.name() : request.name(), catalog,
        request.namespaceDefinition() == null ? c.namespaceDefinition() : namespaceDefinition(request.namespaceDefinition()),
        request.namespaceFormat() == null ? c.namespaceFormat() : request.namespaceFormat(),
        request.prefix() == null ? c.prefix() : request.prefix(), schedule,
        request.nonBreakingSchemaUpdatesBehavior() == null ? c.nonBreakingChangePreference()
            : nonBreaking(request.nonBreakingSchemaUpdatesBehavior()),
        request.status() == null ? c.status() : status(request.status()),
        request.status() == null ? c.statusReason() : null, null, null));
    workflows.signal(updated.id(), ConnectionManagerWorkflow::connectionUpdated);
    return ConnectionResponse.of(updated, workspaceOf(updated));
  }

  @DeleteMapping("/{connectionId}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void delete(@PathVariable UUID connectionId) {
    connections.get(connectionId);
    connections.setStatus(connectionId, "deprecated", null);
    workflows.signal(connectionId, ConnectionManagerWorkflow::connectionDeleted);
  }

  private UUID workspaceOf(Connection c) {
    return actors.find(ActorType.SOURCE, c.sourceId()).map(Actor::workspaceId).orElse(null);
  }

  private static NamespaceDefinition namespaceDefinition(String value) {
    if (value == null) {
      return NamespaceDefinition.DESTINATION;
    }
    return switch (value) {
      case "source" -> NamespaceDefinition.SOURCE;
      case "destination" -> NamespaceDefinition.DESTINATION;
      case "custom_format", "customformat" -> NamespaceDefinition.CUSTOM_FORMAT;
      default -> throw ApiException.unprocessable("Unknown namespace definition",
          List.of("namespaceDefinition: '" + value + "' is not source, destination or custom_format"));
    };
  }

  private static String nonBreaking(String value) {
    if (value == null) {
      return "ignore";
    }
    return switch (value) {
      case "ignore", "propagate_columns", "propagate_fully" -> value;
      case "disable_connection" -> "disable";
      default -> throw ApiException.unprocessable("Unknown non-breaking change behaviour", List.of(
          "nonBreakingSchemaUpdatesBehavior: '" + value + "' is not ignore, disable_connection, propagate_columns or propagate_fully"));
    };
  }

  private static String status(String value) {
    if (value == null) {
      return "active";
    }
    if (!value.equals("active") && !value.equals("inactive")) {
      throw ApiException.unprocessable("Unknown status", List.of("status: '" + value + "' is not active or inactive"));
    }
    return value;
  }
}
