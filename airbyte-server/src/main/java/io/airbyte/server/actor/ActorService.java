package io.airbyte.server.actor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.airbyte.contract.command.ConnectorCommand;
import io.airbyte.contract.command.ConnectorCommandInput;
import io.airbyte.contract.command.ConnectorCommandOutput;
import io.airbyte.contract.connection.ConnectionManagerWorkflow;
import io.airbyte.contract.connector.ActorType;
import io.airbyte.contract.connector.ConnectorDefinition;
import io.airbyte.db.actor.Actor;
import io.airbyte.db.actor.ActorRepository;
import io.airbyte.db.connection.Connection;
import io.airbyte.db.connection.ConnectionRepository;
import io.airbyte.db.definition.DefinitionRepository;
import io.airbyte.db.secret.SecretSplitter;
import io.airbyte.db.workspace.WorkspaceRepository;
import io.airbyte.protocol.config.ConfigValidator;
import io.airbyte.scheduler.command.ConnectorCommands;
import io.airbyte.scheduler.reconcile.ConnectionWorkflows;
import io.airbyte.server.error.ApiException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Sources and destinations: the connector is named by {@code definitionId} or by the configuration's
 * {@code sourceType}/{@code destinationType}; the configuration is validated against the connector's
 * spec, its secrets stored apart and encrypted, and it always comes back with secrets masked. A
 * masked value sent back keeps the stored secret. A configuration is checked by the connector (through
 * the worker) before it is saved, and a saved one with or without an edit.
 */
@Service
public class ActorService {

  public static final String MASK = "**********";

  private final DefinitionRepository definitions;
  private final ActorRepository actors;
  private final WorkspaceRepository workspaces;
  private final SecretSplitter secrets;
  private final ConnectionRepository connections;
  private final ConnectionWorkflows workflows;
  private final ConnectorCommands commands;

  ActorService(DefinitionRepository definitions, ActorRepository actors, WorkspaceRepository workspaces, SecretSplitter secrets,
      ConnectionRepository connections, ConnectionWorkflows workflows, ConnectorCommands commands) {
    this.definitions = definitions;
    this.actors = actors;
    this.workspaces = workspaces;
    this.secrets = secrets;
    this.connections = connections;
    this.workflows = workflows;
    this.commands = commands;
  }

  /** An actor as the API shows it. */
  public record View(Actor actor, ConnectorDefinition definition, String typeName, JsonNode maskedConfiguration) {}

  public static String typeKey(ActorType type) {
    return type == ActorType.SOURCE ? "sourceType" : "destinationType";
  }

  public View create(ActorType type, String name, UUID workspaceId, UUID definitionId, JsonNode configuration) {
    List<String> missing = new ArrayList<>();
    if (name == null || name.isBlank()) {
      missing.add("name: required");
    }
    if (workspaceId == null) {
      missing.add("workspaceId: required");
    }
    if (configuration == null || !configuration.isObject()) {
      missing.add("configuration: required, an object");
    }
    if (!missing.isEmpty()) {
      throw ApiException.unprocessable("The request is incomplete", missing);
    }
    workspaces.get(workspaceId);
    ConnectorDefinition definition = definition(type, definitionId, configuration, workspaceId);
    JsonNode stored = forStorage(workspaceId, definition, validated(type, definition, withoutTypeKey(type, configuration), null));
    return view(actors.create(workspaceId, definition.id(), type, name, stored));
  }

  public View get(ActorType type, UUID id) {
    return view(actors.get(type, id));
  }

  public List<View> list(ActorType type, Collection<UUID> workspaceIds, boolean includeDeleted, int limit, int offset) {
    return actors.list(type, workspaceIds, includeDeleted, limit, offset).stream().map(this::view).toList();
  }

  /** Updates the name and, when given, the configuration (see {@link #edited}). */
  public View update(ActorType type, UUID id, String name, JsonNode configuration, boolean patch) {
    Actor actor = actors.get(type, id);
    ConnectorDefinition definition = definitions.get(actor.definitionId());
    JsonNode stored = actor.configuration();
    if (configuration != null) {
      stored = forStorage(actor.workspaceId(), definition, edited(actor, definition, configuration, patch));
    } else if (!patch) {
      throw ApiException.unprocessable("PUT needs the whole configuration", List.of("configuration: required"));
    }
    String newName = name == null || name.isBlank() ? actor.name() : name;
    return view(actors.update(type, id, newName, stored));
  }

  /** Checks a configuration before it is saved (validated against the spec first). */
  CheckResponse checkNew(ActorType actorType, CheckRequest request) {
    if (request.definitionId() == null || request.configuration() == null) {
      throw ApiException.unprocessable("definitionId and configuration are required",
          List.of(request.definitionId() == null ? "definitionId: required" : "configuration: required"));
    }
    ConnectorDefinition definition = definitions.get(request.definitionId());
    List<String> problems = ConfigValidator.validate(definition.spec().get("connectionSpecification"), request.configuration());
    if (!problems.isEmpty()) {
      throw ApiException.unprocessable("The configuration does not match the spec",
          problems.stream().map(p -> "configuration." + p).toList());
    }
    return check(new ConnectorCommandInput(ConnectorCommand.CHECK, actorType, definition.runtime(), null,
        sealed(request.configuration())));
  }

  /**
   * Checks a saved source or destination: with its stored configuration, or, when the body has a
   * {@code configuration}, with that edit applied as a PATCH would (masks keep the stored secrets)
   * without saving it, as Airbyte's {@code check_connection_for_update}.
   */
  CheckResponse checkSaved(ActorType actorType, UUID id, EditCheckRequest edit) {
    Actor actor = actors.get(actorType, id);
    ConnectorDefinition definition = definitions.get(actor.definitionId());
    if (edit != null && edit.configuration() != null) {
      // stored secrets travel as references, resolved by the worker
      JsonNode edited = editedForCheck(actor, definition, edit.configuration());
      return check(new ConnectorCommandInput(ConnectorCommand.CHECK, actorType, definition.runtime(), null,
          sealed(edited)));
    }
    return check(new ConnectorCommandInput(ConnectorCommand.CHECK, actorType, definition.runtime(), id, null));
  }

  private CheckResponse check(ConnectorCommandInput input) {
    ConnectorCommandOutput output = commands.run(input);
    return new CheckResponse(output.succeeded() ? "succeeded" : "failed", output.message(), output.logPath());
  }

  /**
   * The configuration a PATCH with {@code configuration} would store, for a check before it is saved:
   * validated against the spec, stored secrets as their references (a mask sent back keeps the
   * stored secret), new secrets as sent. Nothing is stored.
   */
  private JsonNode editedForCheck(Actor actor, ConnectorDefinition definition, JsonNode configuration) {
    return edited(actor, definition, configuration, true);
  }

  /** A configuration sealed for the worker (see {@link SecretSplitter#seal}). */
  private String sealed(JsonNode configuration) {
    return secrets.seal(configuration);
  }

  /** PUT replaces the configuration; PATCH replaces only the top-level properties it names. */
  private JsonNode edited(Actor actor, ConnectorDefinition definition, JsonNode configuration, boolean patch) {
    if (!configuration.isObject()) {
      throw ApiException.unprocessable("The configuration must be an object", List.of("configuration: not an object"));
    }
    JsonNode incoming = withoutTypeKey(actor.type(), configuration);
    JsonNode next = incoming;
    if (patch) {
      ObjectNode merged = (ObjectNode) actor.configuration().deepCopy();
      incoming.fields().forEachRemaining(e -> merged.set(e.getKey(), e.getValue()));
      next = merged;
    }
    return validated(actor.type(), definition, next, actor.configuration());
  }

  /** Deletes the actor and, as Airbyte does, the connections that use it. */
  public void delete(ActorType type, UUID id) {
    actors.get(type, id);
    for (Connection c : connections.usingActor(id)) {
      connections.setStatus(c.id(), "deprecated", "its " + type.value() + " was deleted");
      workflows.signal(c.id(), ConnectionManagerWorkflow::connectionDeleted);
    }
    actors.delete(type, id);
  }

  private ConnectorDefinition definition(ActorType type, UUID definitionId, JsonNode configuration, UUID workspaceId) {
    if (definitionId != null) {
      ConnectorDefinition d = definitions.find(definitionId).filter(x -> x.type() == type).orElse(null);
      if (d == null) {
        throw ApiException.unprocessable("Unknown " + type.value() + " definition", List.of("definitionId: no "
            + type.value() + " definition " + definitionId));
      }
      return d;
    }
    JsonNode typeName = configuration.get(typeKey(type));
    if (typeName == null || !typeName.isTextual()) {
      throw ApiException.unprocessable("Which connector?", List.of("configuration." + typeKey(type)
          + ": required (or definitionId)"));
    }
    String wanted = typeName.asText().toLowerCase(Locale.ROOT);
    return definitions.list(type, workspaceId).stream()
        .filter(d -> typeName(type, d).equals(wanted))
        .findFirst()
        .orElseThrow(() -> ApiException.unprocessable("Unknown connector", List.of("configuration." + typeKey(type) + ": no "
            + type.value() + " connector '" + typeName.asText() + "'")));
  }

  /** Secrets moved to the secret store, their references in their place. */
  private JsonNode forStorage(UUID workspaceId, ConnectorDefinition definition, JsonNode validated) {
    return secrets.split(workspaceId, definition.spec().get("connectionSpecification"), validated);
  }

  /** Validated against the spec, with the stored secrets' references where the mask came back; not yet split. */
  private JsonNode validated(ActorType type, ConnectorDefinition definition, JsonNode config, JsonNode previous) {
    JsonNode candidate = config.deepCopy();
    if (previous != null) {
      SecretMasks.restoreMasked(candidate, previous);
    }
    JsonNode spec = definition.spec().get("connectionSpecification");
    List<String> problems = ConfigValidator.validate(spec, secrets.hydrate(candidate));
    SecretMasks.containsMask(candidate, "", problems);
    if (!problems.isEmpty()) {
      throw ApiException.unprocessable("The configuration does not match the " + definition.name() + " "
          + type.value() + "'s spec", problems.stream().map(p -> "configuration." + p).toList());
    }
    return candidate;
  }

  private View view(Actor actor) {
    ConnectorDefinition definition = definitions.get(actor.definitionId());
    String typeName = typeName(actor.type(), definition);
    JsonNode masked = SecretMasks.mask(actor.configuration());
    if (masked instanceof ObjectNode object) {
      object.put(typeKey(actor.type()), typeName);
    }
    return new View(actor, definition, typeName, masked);
  }

  /** {@code airbyte/source-postgres} → {@code postgres}; a custom image → its name in lower case. */
  static String typeName(ActorType type, ConnectorDefinition definition) {
    String repository = definition.image().repository();
    String last = repository.substring(repository.lastIndexOf('/') + 1);
    String prefix = type.value() + "-";
    return last.startsWith(prefix) ? last.substring(prefix.length()) : last.toLowerCase(Locale.ROOT);
  }

  private static JsonNode withoutTypeKey(ActorType type, JsonNode configuration) {
    ObjectNode copy = (ObjectNode) configuration.deepCopy();
    copy.remove(typeKey(type));
    return copy;
  }
}
