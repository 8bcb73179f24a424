package io.airbyte.server.definition;

import com.fasterxml.jackson.databind.JsonNode;
import io.airbyte.contract.command.ConnectorCommand;
import io.airbyte.contract.command.ConnectorCommandInput;
import io.airbyte.contract.command.ConnectorCommandOutput;
import io.airbyte.contract.connector.ActorType;
import io.airbyte.contract.connector.ConnectorDefinition;
import io.airbyte.contract.connector.ConnectorRuntime;
import io.airbyte.contract.connector.ConnectorRuntime.DockerImage;
import io.airbyte.contract.connector.ConnectorRuntime.PythonPackage;
import io.airbyte.db.NotFoundException;
import io.airbyte.db.definition.DefinitionRepository;
import io.airbyte.db.workspace.WorkspaceRepository;
import io.airbyte.scheduler.command.ConnectorCommands;
import io.airbyte.server.error.ApiException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Connector definitions with their specs: the built-in ones and a workspace's custom ones. A custom
 * definition is any image (and tag) that speaks the protocol, a {@link DockerImage} runtime whose tag is
 * the definition's version, or a {@link PythonPackage} at its version; the worker runs the runtime's
 * {@code spec} (installing a package on its first use) before the definition is stored, so a
 * definition always has its spec.
 */
@Service
class DefinitionService {

  private final DefinitionRepository definitions;
  private final WorkspaceRepository workspaces;
  private final ConnectorCommands commands;

  DefinitionService(DefinitionRepository definitions, WorkspaceRepository workspaces, ConnectorCommands commands) {
    this.definitions = definitions;
    this.workspaces = workspaces;
    this.commands = commands;
  }

  /** The definitions of a type a workspace sees (the default workspace's when none is named). */
  List<DefinitionView> list(String type, UUID workspaceId) {
    ActorType actorType = actorType(type);
    UUID workspace = workspaceId == null ? workspaces.ensureDefault().id() : workspaceId;
    return definitions.list(actorType, workspace).stream()
        .map(DefinitionView::of)
        .toList();
  }

  DefinitionView create(CustomDefinitionRequest request) {
    List<String> errors = new ArrayList<>();
    if (request.type() == null || !List.of("source", "destination").contains(request.type())) {
      errors.add("type: 'source' or 'destination'");
    }
    required(errors, "name", request.name());
    ConnectorRuntime runtime = DefinitionRuntimes.parse(request.runtime(), request.dockerRepository(),
        request.dockerImageTag(), errors);
    if (!errors.isEmpty()) {
      throw ApiException.unprocessable("The definition is incomplete", errors);
    }
    UUID workspace = request.workspaceId() == null ? workspaces.ensureDefault().id() : request.workspaceId();
    return DefinitionView.of(createCustom(ActorType.of(request.type()), request.name(), request.documentationUrl(), workspace,
        runtime, request.requestId()));
  }

  /** {@code POST /workspaces/{workspaceId}/definitions/sources|destinations}, Airbyte's public shape. */
  DefinitionResponse create(ActorType type, UUID workspaceId, WorkspaceDefinitionRequest request) {
    workspaces.get(workspaceId);
    List<String> errors = new ArrayList<>();
    required(errors, "name", request.name());
    ConnectorRuntime runtime = DefinitionRuntimes.parse(request.runtime(), request.dockerRepository(),
        request.dockerImageTag(), errors);
    if (!errors.isEmpty()) {
      throw ApiException.unprocessable("The definition is incomplete", errors);
    }
    return DefinitionResponse.of(createCustom(type, request.name(), request.documentationUrl(), workspaceId, runtime,
        request.requestId()));
  }

  /** The definitions of {@code type} the workspace sees: the built-in ones and its own. */
  List<DefinitionResponse> list(ActorType type, UUID workspaceId) {
    workspaces.get(workspaceId);
    return definitions.list(type, workspaceId).stream().map(DefinitionResponse::of).toList();
  }

  /** One definition of {@code type} the workspace sees; any other id is not found. */
  DefinitionResponse get(ActorType type, UUID workspaceId, UUID id) {
    return DefinitionResponse.of(visible(type, workspaceId, id));
  }

  /** Deletes one of the workspace's custom definitions of {@code type}. */
  void delete(ActorType type, UUID workspaceId, UUID id) {
    delete(visible(type, workspaceId, id).id());
  }

  /** What the command of {@code requestId} (a definition's first {@code spec}) has reported so far. */
  ConnectorCommands.CommandProgress progress(UUID requestId) {
    return commands.progress(requestId).orElseThrow(() -> new NotFoundException("connector command", requestId));
  }

  private ConnectorDefinition visible(ActorType type, UUID workspaceId, UUID id) {
    workspaces.get(workspaceId);
    ConnectorDefinition d = definitions.get(id);
    if (d.type() != type || !(d.builtIn() || workspaceId.equals(d.workspaceId()))) {
      throw new NotFoundException(type.value() + " definition", id);
    }
    return d;
  }

  /**
   * Runs the runtime's {@code spec} (which installs a Python package on its first use) and stores the
   * definition with it; a runtime that gives no spec is refused, naming its field and the reason (for a
   * package that does not install, pip's last error line).
   */
  private ConnectorDefinition createCustom(ActorType type, String name, String documentationUrl, UUID workspace,
      ConnectorRuntime runtime, UUID requestId) {
    ConnectorCommandOutput spec = commands.run(new ConnectorCommandInput(ConnectorCommand.SPEC, type, runtime, null, null),
        requestId == null ? UUID.randomUUID() : requestId);
    String field = DefinitionRuntimes.field(runtime);
    if (!spec.succeeded() || spec.payload() == null) {
      throw ApiException.unprocessable("The connector did not answer spec", List.of(field + ": " + runtime.describe()
          + " did not give a spec: " + spec.message()));
    }
    JsonNode payload = spec.payload();
    if (!payload.path("connectionSpecification").isObject()) {
      throw ApiException.unprocessable("The connector's spec has no connectionSpecification",
          List.of(field + ": " + runtime.describe() + " gave a spec without connectionSpecification"));
    }
    String version = runtime.match(DockerImage::tag, jar -> "dev", PythonPackage::version, manifest -> "1");
    return definitions.createCustom(new ConnectorDefinition(UUID.randomUUID(), type, name.trim(), version, documentationUrl,
        payload, payload.path("protocol_version").asText("0.2.0"), false, workspace, null, runtime));
  }

  private static void required(List<String> missing, String field, String value) {
    if (value == null || value.isBlank()) {
      missing.add(field + ": required");
    }
  }

  /** Deletes a custom definition; the built-in ones stay. */
  void delete(UUID id) {
    if (definitions.get(id).builtIn()) {
      throw ApiException.unprocessable("Built-in definitions cannot be deleted", List.of("definitionId: " + id + " is built in"));
    }
    definitions.delete(id);
  }

  private static ActorType actorType(String type) {
    String t = type.toLowerCase(Locale.ROOT);
    if (t.startsWith("source")) {
      return ActorType.SOURCE;
    }
    if (t.startsWith("destination")) {
      return ActorType.DESTINATION;
    }
    throw new IllegalArgumentException("type must be source or destination, not '" + type + "'");
  }
}
