package io.airbyte.server.connection;

import com.fasterxml.jackson.databind.JsonNode;
import io.airbyte.contract.connector.ActorType;
import io.airbyte.db.definition.ActorDefinition;
import io.airbyte.db.definition.DefinitionRepository;
import io.airbyte.db.workspace.WorkspaceRepository;
import io.airbyte.protocol.json.Jsons;
import io.airbyte.scheduler.command.ConnectorCommandInput;
import io.airbyte.scheduler.command.ConnectorCommandOutput;
import io.airbyte.scheduler.command.ConnectorCommands;
import io.airbyte.server.error.ApiException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Custom connector definitions: any image (and tag) that speaks the protocol. The worker runs the
 * image's {@code spec} before the definition is stored, so a definition always has its spec.
 */
@RestController
@RequestMapping("/api/v1/definitions")
class CustomDefinitionsController {

  record CustomDefinitionRequest(String type, String name, String dockerRepository, String dockerImageTag,
      String documentationUrl, UUID workspaceId) {}

  private final DefinitionRepository definitions;
  private final WorkspaceRepository workspaces;
  private final ConnectorCommands commands;

  CustomDefinitionsController(DefinitionRepository definitions, WorkspaceRepository workspaces, ConnectorCommands commands) {
    this.definitions = definitions;
    this.workspaces = workspaces;
    this.commands = commands;
  }

  @PostMapping
  ConfigApiController.DefinitionView create(@RequestBody CustomDefinitionRequest request) {
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
    String image = request.dockerRepository().trim() + ":" + request.dockerImageTag().trim();
    ConnectorCommandOutput spec = commands.run(new ConnectorCommandInput("spec", type.value(), image, null, null));
    if (!spec.succeeded() || spec.payloadJson() == null) {
      throw ApiException.unprocessable("The image did not answer spec", List.of("dockerRepository: " + image + " did not give a spec: "
          + spec.message()));
    }
    JsonNode payload = Jsons.deserialize(spec.payloadJson());
    if (!payload.path("connectionSpecification").isObject()) {
      throw ApiException.unprocessable("The image's spec has no connectionSpecification",
          List.of("dockerRepository: " + image + " gave a spec without connectionSpecification"));
    }
    UUID workspace = request.workspaceId() == null ? workspaces.ensureDefault().id() : request.workspaceId();
    ActorDefinition d = definitions.createCustom(workspace, type, request.name().trim(), request.dockerRepository().trim(),
        request.dockerImageTag().trim(), request.documentationUrl(), payload, payload.path("protocol_version").asText("0.2.0"));
    return ConfigApiController.DefinitionView.of(d);
  }

  private static void required(List<String> missing, String field, String value) {
    if (value == null || value.isBlank()) {
      missing.add(field + ": required");
    }
  }

  @DeleteMapping("/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void delete(@PathVariable UUID id) {
    if (definitions.get(id).builtIn()) {
      throw ApiException.unprocessable("Built-in definitions cannot be deleted", List.of("definitionId: " + id + " is built in"));
    }
    definitions.delete(id);
  }
}
