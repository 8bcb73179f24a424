package io.airbyte.server.connection;

import io.airbyte.contract.connection.NamespaceDefinition;
import io.airbyte.contract.connector.ActorType;
import io.airbyte.db.actor.Actor;
import io.airbyte.db.actor.ActorRepository;
import io.airbyte.db.connection.Connection;
import io.airbyte.db.connection.ConnectionRepository;
import io.airbyte.contract.schedule.Schedule;
import io.airbyte.db.job.Job;
import io.airbyte.db.job.JobRepository;
import io.airbyte.contract.stats.StreamStatistics;
import io.airbyte.protocol.models.AirbyteCatalog;
import io.airbyte.protocol.models.AirbyteStream;
import io.airbyte.protocol.models.ConfiguredAirbyteCatalog;
import io.airbyte.contract.connection.ConnectionManagerWorkflow;
import io.airbyte.contract.connection.WorkflowState;
import io.airbyte.scheduler.reconcile.ConnectionWorkflows;
import io.airbyte.server.connection.ConnectionStatus.LastJob;
import io.airbyte.server.error.ApiException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Connections: stored with a configured catalog checked against a discover of their source and a
 * schedule the scheduler runs, their workflow started or told of each change; the source's streams
 * and the diff of a new discover against a connection's catalog; a connection's live status from its
 * workflow and jobs; and a schedule's preview ({@link SchedulePreviews}).
 */
@Service
class ConnectionService {

  private final ConnectionRepository connections;
  private final ActorRepository actors;
  private final JobRepository jobs;
  private final SourceCatalogs catalogs;
  private final ConnectionWorkflows workflows;
  private final SchedulePreviews previews = new SchedulePreviews();

  ConnectionService(ConnectionRepository connections, ActorRepository actors, JobRepository jobs, SourceCatalogs catalogs,
      ConnectionWorkflows workflows) {
    this.connections = connections;
    this.actors = actors;
    this.jobs = jobs;
    this.catalogs = catalogs;
    this.workflows = workflows;
  }

  ConnectionResponse create(ConnectionRequest request) {
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

  ConnectionResponse get(UUID connectionId) {
    Connection c = connections.get(connectionId);
    return ConnectionResponse.of(c, workspaceOf(c));
  }

  List<ConnectionResponse> list(Collection<UUID> workspaceIds, boolean includeDeleted, int limit, int offset) {
    List<Connection> page = connections.list(workspaceIds, includeDeleted, limit, offset);
    // one query for the page's workspaces, not one per connection
    Map<UUID, UUID> workspaces = actors.workspaceIds(ActorType.SOURCE, page.stream().map(Connection::sourceId).toList());
    return page.stream().map(c -> ConnectionResponse.of(c, workspaces.get(c.sourceId()))).toList();
  }

  /** Applies what a PATCH names; new stream configurations are checked against a new discover. */
  ConnectionResponse update(UUID connectionId, ConnectionRequest request) {
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

  void delete(UUID connectionId) {
    connections.get(connectionId);
    connections.setStatus(connectionId, "deprecated", null);
    workflows.signal(connectionId, ConnectionManagerWorkflow::connectionDeleted);
  }

  AirbyteCatalog discover(UUID sourceId) {
    return catalogs.discover(sourceId);
  }

  CatalogDiff catalogDiff(UUID id) {
    Connection connection = connections.get(id);
    return CatalogDiff.between(connection.catalog(), catalogs.discover(connection.sourceId()));
  }

  ConnectionStatus liveStatus(UUID id) {
    Connection connection = connections.get(id);
    WorkflowState state = null;
    try {
      state = workflows.isRunning(id) ? workflows.state(id) : null;
    } catch (RuntimeException e) {
      // no workflow yet: the reconciler starts it
    }
    List<Job> last = jobs.list(id, null, null, 1, 0);
    List<StreamStatistics> progress = List.of();
    if (state != null && state.jobRunning() && state.jobId() != null && state.attemptNumber() != null) {
      progress = jobs.stats(state.jobId(), state.attemptNumber());
    }
    return new ConnectionStatus(id, connection.status(), connection.statusReason(), state != null && state.jobRunning(),
        state == null ? null : state.jobId(), state == null ? null : state.attemptNumber(),
        state == null || state.nextRunMillis() == null ? null : Instant.ofEpochMilli(state.nextRunMillis()).toString(), progress,
        last.isEmpty() ? null : new LastJob(last.get(0).id(), last.get(0).status().value(), last.get(0).type().value(),
            last.get(0).createdAt().toString(), last.get(0).updatedAt().toString()));
  }

  /** The source's streams and what each allows, from a discover. */
  List<StreamProperties> streams(UUID sourceId) {
    List<StreamProperties> streams = new ArrayList<>();
    for (AirbyteStream s : catalogs.discover(sourceId).getStreams()) {
      List<List<String>> fields = new ArrayList<>();
      Map<String, List<String>> types = new LinkedHashMap<>();
      var properties = s.getJsonSchema() == null ? null : s.getJsonSchema().get("properties");
      if (properties != null) {
        for (Iterator<String> it = properties.fieldNames(); it.hasNext(); ) {
          String field = it.next();
          fields.add(List.of(field));
          types.put(field, jsonTypes(properties.get(field)));
        }
      }
      streams.add(new StreamProperties(s.getName(), s.getNamespace(), SyncModes.offered(s.getSupportedSyncModes()),
          s.getDefaultCursorField() == null ? List.of() : s.getDefaultCursorField(),
          Boolean.TRUE.equals(s.getSourceDefinedCursor()),
          s.getSourceDefinedPrimaryKey() == null ? List.of() : s.getSourceDefinedPrimaryKey(), fields, types));
    }
    return streams;
  }

  /** The JSON schema types of a field ({@code "type"}, a name or a list); empty when any JSON value is allowed. */
  private static List<String> jsonTypes(com.fasterxml.jackson.databind.JsonNode schema) {
    var type = schema == null ? null : schema.get("type");
    if (type == null) {
      return List.of();
    }
    if (type.isArray()) {
      List<String> out = new ArrayList<>();
      type.forEach(t -> out.add(t.asText()));
      return out;
    }
    return List.of(type.asText());
  }

  /** A schedule validated as a connection's would be, described in words, with its next runs. */
  SchedulePreview schedulePreview(String scheduleType, String cronExpression, String basicTiming) {
    return previews.preview(scheduleType, cronExpression, basicTiming);
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
