package io.airbyte.server.connection;

import io.airbyte.contract.command.ConnectorCommand;
import io.airbyte.contract.command.ConnectorCommandInput;
import io.airbyte.contract.command.ConnectorCommandOutput;
import io.airbyte.contract.connector.ActorType;
import io.airbyte.contract.connector.ConnectorRuntime;
import io.airbyte.db.actor.Actor;
import io.airbyte.db.actor.ActorRepository;
import io.airbyte.db.definition.DefinitionRepository;
import io.airbyte.protocol.json.Jsons;
import io.airbyte.protocol.models.AirbyteCatalog;
import io.airbyte.scheduler.command.ConnectorCommands;
import io.airbyte.server.error.ApiException;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/** Discovers a stored source's catalog through the worker (its config never leaves the database in clear). */
@Service
public class SourceCatalogs {

  private final ActorRepository actors;
  private final DefinitionRepository definitions;
  private final ConnectorCommands commands;

  SourceCatalogs(ActorRepository actors, DefinitionRepository definitions, ConnectorCommands commands) {
    this.actors = actors;
    this.definitions = definitions;
    this.commands = commands;
  }

  public AirbyteCatalog discover(UUID sourceId) {
    Actor source = actors.get(ActorType.SOURCE, sourceId);
    ConnectorRuntime runtime = definitions.get(source.definitionId()).runtime();
    ConnectorCommandOutput output = commands.run(new ConnectorCommandInput(ConnectorCommand.DISCOVER, ActorType.SOURCE, runtime, sourceId, null));
    if (!output.succeeded()) {
      throw new ApiException(HttpStatus.BAD_GATEWAY, "Discovering the source's streams failed: " + output.message(), List.of());
    }
    return Jsons.convert(output.payload(), AirbyteCatalog.class);
  }
}
