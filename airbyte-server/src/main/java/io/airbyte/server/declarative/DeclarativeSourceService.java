package io.airbyte.server.declarative;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.airbyte.contract.command.ConnectorCommand;
import io.airbyte.contract.command.ConnectorCommandInput;
import io.airbyte.contract.command.ConnectorCommandOutput;
import io.airbyte.contract.connector.ActorType;
import io.airbyte.contract.connector.ConnectorDefinition;
import io.airbyte.contract.connector.ConnectorRuntime.DeclarativeManifest;
import io.airbyte.contract.failure.FailureType;
import io.airbyte.db.NotFoundException;
import io.airbyte.db.definition.DefinitionRepository;
import io.airbyte.db.secret.SecretSplitter;
import io.airbyte.db.workspace.WorkspaceRepository;
import io.airbyte.protocol.json.Jsons;
import io.airbyte.scheduler.command.ConnectorCommands;
import io.airbyte.server.error.ApiException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Low-code source definitions: a declarative manifest a workspace adds, run by {@code airbyte-cdk}
 * at {@link DeclarativeManifest#DEFAULT_CDK_VERSION}. The CDK validates a manifest on the worker
 * before it is stored (an invalid one is a 422 naming the place in the manifest); the definition's
 * spec is the manifest's, so the forms, the validation of configs and the masking of secrets follow
 * it. Each update is a new version of the definition. A test read runs the Connector Builder's
 * {@code test_read} on the worker.
 */
@Service
class DeclarativeSourceService {

  private final DefinitionRepository definitions;
  private final WorkspaceRepository workspaces;
  private final ConnectorCommands commands;
  private final SecretSplitter secrets;

  DeclarativeSourceService(DefinitionRepository definitions, WorkspaceRepository workspaces, ConnectorCommands commands,
      SecretSplitter secrets) {
    this.definitions = definitions;
    this.workspaces = workspaces;
    this.commands = commands;
    this.secrets = secrets;
  }

  List<DeclarativeSourceRequests.Response> list(UUID workspaceId) {
    workspaces.get(workspaceId);
    return definitions.list(ActorType.SOURCE, workspaceId).stream()
        .filter(d -> d.runtime() instanceof DeclarativeManifest && workspaceId.equals(d.workspaceId()))
        .map(DeclarativeSourceService::response).toList();
  }

  DeclarativeSourceRequests.Response get(UUID workspaceId, UUID id) {
    return response(find(workspaceId, id));
  }

  DeclarativeSourceRequests.Response create(UUID workspaceId, DeclarativeSourceRequests.Create request) {
    workspaces.get(workspaceId);
    List<String> missing = new ArrayList<>();
    if (request == null || request.name() == null || request.name().isBlank()) {
      missing.add("name: required");
    }
    if (request == null || request.manifest() == null || !request.manifest().isObject()) {
      missing.add("manifest: required, the manifest as a JSON object");
    }
    if (!missing.isEmpty()) {
      throw ApiException.unprocessable("The declarative source definition is incomplete", missing);
    }
    DeclarativeManifest runtime = validated(request.manifest());
    return response(definitions.createCustom(definition(UUID.randomUUID(), request.name().strip(), 1, workspaceId, runtime)));
  }

  DeclarativeSourceRequests.Response update(UUID workspaceId, UUID id, DeclarativeSourceRequests.Update request) {
    ConnectorDefinition current = find(workspaceId, id);
    if (request == null || request.manifest() == null || !request.manifest().isObject()) {
      throw ApiException.unprocessable("The manifest is missing", List.of("manifest: required, the manifest as a JSON object"));
    }
    DeclarativeManifest runtime = validated(request.manifest());
    long version = Long.parseLong(current.version()) + 1;
    return response(definitions.addCustomVersion(definition(id, current.name(), version, workspaceId, runtime)));
  }

  DeclarativeSourceRequests.Response delete(UUID workspaceId, UUID id) {
    ConnectorDefinition current = find(workspaceId, id);
    definitions.delete(id);
    return response(current);
  }

  /** The Connector Builder's test read of one stream: the CDK's StreamRead (slices, pages with requests, records, logs). */
  JsonNode testRead(DeclarativeSourceRequests.StreamRead request) {
    List<String> missing = new ArrayList<>();
    if (request == null || request.manifest() == null || !request.manifest().isObject()) {
      missing.add("manifest: required, the manifest as a JSON object");
    }
    if (request == null || request.stream() == null || request.stream().isBlank()) {
      missing.add("stream: required, the name of a stream of the manifest");
    }
    if (request != null && request.config() != null && !request.config().isObject() && !request.config().isNull()) {
      missing.add("config: a JSON object");
    }
    if (!missing.isEmpty()) {
      throw ApiException.unprocessable("The test read is incomplete", missing);
    }
    DeclarativeManifest runtime = runtime(request.manifest());
    ObjectNode parameters = Jsons.object().put("stream", request.stream());
    if (request.state() != null && !request.state().isNull()) {
      parameters.set("state", request.state());
    }
    putLimit(parameters, "record_limit", request.recordLimit());
    putLimit(parameters, "page_limit", request.pageLimit());
    putLimit(parameters, "slice_limit", request.sliceLimit());
    JsonNode config = request.config() == null || request.config().isNull() ? Jsons.object() : request.config();
    // the config's secrets cross Temporal sealed, as an unsaved source's for check
    ConnectorCommandOutput output = commands.run(new ConnectorCommandInput(ConnectorCommand.TEST_READ, ActorType.SOURCE,
        runtime, null, secrets.seal(config), parameters));
    if (!output.succeeded() || output.payload() == null) {
      String failure = output.message() == null ? "the test read gave no answer" : output.message();
      if (output.failure() != null && output.failure().failureType() == FailureType.CONFIG_ERROR) {
        throw ApiException.unprocessable("The test read was refused", List.of(failure));
      }
      throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "The test read failed: " + failure, List.of(failure));
    }
    return output.payload();
  }

  private static void putLimit(ObjectNode parameters, String name, Integer value) {
    if (value != null) {
      if (value < 1 || value > 5000) {
        throw ApiException.unprocessable("A limit is out of range", List.of(name + ": between 1 and 5000, not " + value));
      }
      parameters.put(name, value);
    }
  }

  /** The manifest as a runtime, after the CDK (on the worker) took it; else a 422 naming where it fails. */
  private DeclarativeManifest validated(JsonNode manifest) {
    DeclarativeManifest runtime = runtime(manifest);
    ConnectorCommandOutput output = commands.run(new ConnectorCommandInput(ConnectorCommand.VALIDATE_MANIFEST,
        ActorType.SOURCE, runtime, null, null));
    if (output.succeeded()) {
      return runtime;
    }
    JsonNode validation = output.payload();
    if (validation == null) {
      throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "The manifest could not be validated: " + output.message(),
          List.of());
    }
    String path = validation.path("path").isTextual() ? validation.get("path").asText() : "$";
    String place = "manifest" + (path.startsWith("$") ? path.substring(1) : "." + path);
    throw ApiException.unprocessable("The manifest is not valid for airbyte-cdk " + runtime.cdkVersion(),
        List.of(place + ": " + validation.path("message").asText()));
  }

  private static DeclarativeManifest runtime(JsonNode manifest) {
    if (!manifest.path("spec").path("connection_specification").isObject()) {
      throw ApiException.unprocessable("The manifest has no spec",
          List.of("manifest.spec.connection_specification: required, the JSON schema of the source's config"));
    }
    if (!manifest.path("streams").isArray() && !manifest.path("dynamic_streams").isArray()) {
      throw ApiException.unprocessable("The manifest has no streams", List.of("manifest.streams: required, a list of streams"));
    }
    return new DeclarativeManifest(manifest, DeclarativeManifest.DEFAULT_CDK_VERSION);
  }

  private ConnectorDefinition find(UUID workspaceId, UUID id) {
    ConnectorDefinition d = definitions.get(id);
    if (!(d.runtime() instanceof DeclarativeManifest) || !workspaceId.equals(d.workspaceId())) {
      throw new NotFoundException("declarative source definition", id);
    }
    return d;
  }

  private static ConnectorDefinition definition(UUID id, String name, long version, UUID workspaceId,
      DeclarativeManifest runtime) {
    ObjectNode spec = runtime.spec();
    String documentationUrl = spec.path("documentationUrl").isTextual() ? spec.get("documentationUrl").asText() : null;
    return new ConnectorDefinition(id, ActorType.SOURCE, name, Long.toString(version), documentationUrl, spec, "0.2.0",
        false, workspaceId, null, runtime);
  }

  private static DeclarativeSourceRequests.Response response(ConnectorDefinition d) {
    DeclarativeManifest runtime = (DeclarativeManifest) d.runtime();
    return new DeclarativeSourceRequests.Response(d.id(), d.name(), runtime.manifest(), Long.parseLong(d.version()));
  }
}
