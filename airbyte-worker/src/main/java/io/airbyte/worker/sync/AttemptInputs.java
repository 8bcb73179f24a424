package io.airbyte.worker.sync;

import com.fasterxml.jackson.databind.JsonNode;
import io.airbyte.contract.connector.ActorType;
import io.airbyte.contract.connector.ConnectorRuntime;
import io.airbyte.contract.job.JobType;
import io.airbyte.contract.sync.StreamRef;
import io.airbyte.contract.sync.SyncInput;
import io.airbyte.db.actor.Actor;
import io.airbyte.db.actor.ActorRepository;
import io.airbyte.db.connection.Connection;
import io.airbyte.db.connection.ConnectionRepository;
import io.airbyte.db.definition.DefinitionRepository;
import io.airbyte.db.secret.SecretSplitter;
import io.airbyte.db.state.StreamGenerationRepository;
import io.airbyte.protocol.json.Jsons;
import io.airbyte.protocol.models.ConfiguredAirbyteCatalog;
import io.airbyte.protocol.models.ConfiguredAirbyteStream;
import io.airbyte.protocol.models.DestinationSyncMode;
import io.airbyte.protocol.models.StreamDescriptor;
import io.airbyte.protocol.rows.TypedRows;
import io.airbyte.worker.replication.FieldSelection;
import io.airbyte.worker.replication.NamespaceMapping;
import io.airbyte.worker.replication.ReplicationInput;
import io.airbyte.worker.state.ConnectionState;
import io.airbyte.worker.state.InputStates;
import io.airbyte.worker.state.StatePersistence;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds an attempt's {@link ReplicationInput} from the metadata database: connectors and their
 * configs (secrets put back), the configured catalog with generations and sync id, field selection,
 * namespace mapping, and the state to start from. Clear, reset and refresh first drop their
 * streams' state and start new generations (both idempotent for the job).
 */
public final class AttemptInputs {

  private final ConnectionRepository connections;
  private final ActorRepository actors;
  private final DefinitionRepository definitions;
  private final SecretSplitter secrets;
  private final StreamGenerationRepository generations;
  private final StatePersistence states;
  private final boolean typedRows;

  /** Inputs whose records go as typed rows where both connectors declare the format. */
  public AttemptInputs(ConnectionRepository connections, ActorRepository actors, DefinitionRepository definitions,
      SecretSplitter secrets, StreamGenerationRepository generations, StatePersistence states) {
    this(connections, actors, definitions, secrets, generations, states, true);
  }

  /** @param typedRows records go as typed rows where both connectors declare the format (else always JSON lines) */
  public AttemptInputs(ConnectionRepository connections, ActorRepository actors, DefinitionRepository definitions,
      SecretSplitter secrets, StreamGenerationRepository generations, StatePersistence states, boolean typedRows) {
    this.typedRows = typedRows;
    this.connections = connections;
    this.actors = actors;
    this.definitions = definitions;
    this.secrets = secrets;
    this.generations = generations;
    this.states = states;
  }

  public Connection connection(SyncInput input) {
    return connections.find(input.connectionId()).orElseThrow(() -> new IllegalStateException(
        "connection " + input.connectionId() + " does not exist"));
  }

  /** The connector's runtime and hydrated config of one side of the connection. */
  public Side side(Connection connection, ActorType type) {
    Actor actor = actors.find(type, type == ActorType.SOURCE ? connection.sourceId() : connection.destinationId())
        .orElseThrow(() -> new IllegalStateException("the " + type.value() + " of connection " + connection.id() + " is deleted"));
    var definition = definitions.get(actor.definitionId());
    return new Side(definition.runtime(), secrets.hydrate(actor.configuration()), TypedRows.declaredBy(definition.spec()));
  }

  public ReplicationInput build(SyncInput input) {
    Connection connection = connection(input);
    String connectionId = connection.id().toString();
    ConfiguredAirbyteCatalog catalog = Jsons.convert(connection.catalog(), ConfiguredAirbyteCatalog.class);
    List<FieldSelection> fields = new ArrayList<>();
    for (ConfiguredAirbyteStream stream : catalog.getStreams()) {
      JsonNode selected = stream.getAdditionalProperties().get(Connection.SELECTED_FIELDS);
      if (selected != null && selected.isArray() && !selected.isEmpty()) {
        List<String> names = new ArrayList<>();
        selected.forEach(f -> names.add(f.asText()));
        fields.add(new FieldSelection(InputStates.descriptor(stream), names));
      }
      stream.getAdditionalProperties().remove(Connection.SELECTED_FIELDS);
    }
    boolean clearing = input.jobType().clears();
    boolean refreshing = input.jobType() == JobType.REFRESH;
    Set<StreamDescriptor> concerned = concerned(input, catalog);
    Map<StreamDescriptor, Long> generation = clearing || refreshing
        ? generations.bump(connection.id(), concerned, input.jobId())
        : generations.current(connection.id());

    if ((clearing || refreshing) && input.attemptNumber() == 0) {
      ConnectionState current = states.current(connectionId);
      ConnectionState without = current.withoutStreams(concerned);
      if (!without.equals(current)) {
        states.replace(connectionId, without);
      }
    }
    ConnectionState state = InputStates.startAttempt(states, connectionId, catalog, input.attemptNumber() == 0);

    List<ConfiguredAirbyteStream> streams = new ArrayList<>();
    for (ConfiguredAirbyteStream stream : catalog.getStreams()) {
      StreamDescriptor d = InputStates.descriptor(stream);
      if (clearing && !concerned.contains(d)) {
        continue;
      }
      long g = generation.getOrDefault(d, 0L);
      boolean truncates = clearing || (refreshing && concerned.contains(d))
          || stream.getDestinationSyncMode() == DestinationSyncMode.OVERWRITE
          // full refresh into a deduplicated table (Airbyte's "overwrite deduped"): each job a new generation
          || (stream.getSyncMode() == io.airbyte.protocol.models.SyncMode.FULL_REFRESH
              && stream.getDestinationSyncMode() == DestinationSyncMode.APPEND_DEDUP);
      if (clearing) {
        stream.setDestinationSyncMode(DestinationSyncMode.OVERWRITE);
      }
      streams.add(stream.withGenerationId(g).withMinimumGenerationId(truncates ? g : 0L).withSyncId(input.jobId()));
    }
    catalog.setStreams(streams);

    Side destination = side(connection, ActorType.DESTINATION);
    Side source = clearing ? null : side(connection, ActorType.SOURCE);
    return new ReplicationInput(connectionId, Long.toString(input.jobId()), input.attemptNumber(),
        source == null ? null : source.connector(), source == null ? null : source.config(), destination.connector(),
        destination.config(), catalog, fields, namespaces(connection), state.messages(),
        typedRows && source != null && source.typedRows() && destination.typedRows());
  }

  private static Set<StreamDescriptor> concerned(SyncInput input, ConfiguredAirbyteCatalog catalog) {
    Set<StreamDescriptor> all = new HashSet<>();
    catalog.getStreams().forEach(s -> all.add(InputStates.descriptor(s)));
    if (input.streams().isEmpty()) {
      return all;
    }
    Set<StreamDescriptor> chosen = new HashSet<>();
    for (StreamRef ref : input.streams()) {
      chosen.add(new StreamDescriptor().withNamespace(ref.namespace()).withName(ref.name()));
    }
    chosen.retainAll(all);
    return chosen;
  }

  private static NamespaceMapping namespaces(Connection c) {
    return new NamespaceMapping(c.namespaceDefinition(), c.namespaceFormat(), c.prefix());
  }

  /**
   * A connector with its config, secrets in place, and whether its spec declares the typed-rows
   * format ({@link TypedRows}).
   */
  public record Side(ConnectorRuntime connector, JsonNode config, boolean typedRows) {}
}
