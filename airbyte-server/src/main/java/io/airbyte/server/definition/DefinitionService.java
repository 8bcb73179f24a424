package io.airbyte.server.definition;

import com.fasterxml.jackson.databind.JsonNode;
import io.airbyte.contract.command.ConnectorCommand;
import io.airbyte.contract.command.ConnectorCommandInput;
import io.airbyte.contract.command.ConnectorCommandOutput;
import io.airbyte.contract.connector.ActorType;
import io.airbyte.contract.connector.ConnectorDefinition;
import io.airbyte.contract.connector.ConnectorRuntime.DockerImage;
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
 * the definition's version; the worker runs the image's {@code spec} before the definition is stored,
 * so a definition always has its spec.
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
    List<String> missing = new ArrayList<>();
    if (request.type() == null || !List.of("source", "destination").contains(request.type())) {
      missing.add("type: 'source' or 'destination'");
    }
    required(missing, "name", request.name());
    required(missing, "dockerRepository", request.dockerRepository());
    required(missing, "dockerImageTag", request.dockerImageTag());
    if (!missing.isEmpty()) {
      throw ApiException.unprocessable("The definition is incomplete", missing);
    }
    ActorType type = ActorType.of(request.type());
    DockerImage image = new DockerImage(request.dockerRepository().trim(), request.dockerImageTag().trim());
    ConnectorCommandOutput spec = commands.run(new ConnectorCommandInput(ConnectorCommand.SPEC, type, image, null, null));
    if (!spec.succeeded() || spec.payload() == null) {
      throw ApiException.unprocessable("The image did not answer spec", List.of("dockerRepository: " + image.reference()
          + " did not give a spec: " + spec.message()));
    }
    JsonNode payload = spec.payload();
    if (!payload.path("connectionSpecification").isObject()) {
      throw ApiException.unprocessable("The image's spec has no connectionSpecification",
          List.of("dockerRepository: " + image.reference() + " gave a spec without connectionSpecification"));
    }
    UUID workspace = request.workspaceId() == null ? workspaces.ensureDefault().id() : request.workspaceId();
    ConnectorDefinition d = definitions.createCustom(new ConnectorDefinition(UUID.randomUUID(), type, request.name().trim(),
        image.tag(), request.documentationUrl(), payload, payload.path("protocol_version").asText("0.2.0"), false, workspace,
        null, image));
    return DefinitionView.of(d);
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
