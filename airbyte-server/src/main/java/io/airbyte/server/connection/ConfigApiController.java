package io.airbyte.server.connection;

import com.fasterxml.jackson.databind.JsonNode;
import io.airbyte.contract.connector.ActorType;
import io.airbyte.db.actor.Actor;
import io.airbyte.db.actor.ActorRepository;
import io.airbyte.db.connection.Connection;
import io.airbyte.db.connection.ConnectionRepository;
import io.airbyte.db.definition.ActorDefinition;
import io.airbyte.db.definition.DefinitionRepository;
import io.airbyte.db.job.Attempt;
import io.airbyte.db.job.Job;
import io.airbyte.db.job.JobRepository;
import io.airbyte.db.job.StreamStat;
import io.airbyte.protocol.config.ConfigValidator;
import io.airbyte.protocol.models.AirbyteCatalog;
import io.airbyte.scheduler.command.ConnectorCommandInput;
import io.airbyte.scheduler.command.ConnectorCommandOutput;
import io.airbyte.scheduler.command.ConnectorCommands;
import io.airbyte.scheduler.connection.WorkflowState;
import io.airbyte.scheduler.reconcile.ConnectionWorkflows;
import io.airbyte.server.actor.ActorService;
import io.airbyte.server.error.ApiException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the UI needs beyond the public API: connection checks before and after saving, discover
 * with the diff against a connection's catalog, a connection's live status and progress, attempts
 * with failures and stats, and attempt logs.
 */
@RestController
@RequestMapping("/api/v1")
class ConfigApiController {

  record CheckRequest(UUID definitionId, JsonNode configuration) {}

  record EditCheckRequest(JsonNode configuration) {}

  record CheckResponse(String status, String message, String logPath) {}

  record ConnectionStatus(UUID connectionId, String status, String statusReason, boolean jobRunning, Long runningJobId,
      Integer runningAttempt, String nextRunAt, List<StreamStat> progress, LastJob lastJob) {}

  record LastJob(long jobId, String status, String jobType, String createdAt, String updatedAt) {}

  record AttemptView(int attemptNumber, String status, String createdAt, String endedAt, JsonNode failureSummary,
      JsonNode output, List<StreamStat> streams) {}

  private final DefinitionRepository definitions;
  private final ActorRepository actors;
  private final ConnectionRepository connections;
  private final JobRepository jobs;
  private final ConnectorCommands commands;
  private final SourceCatalogs catalogs;
  private final ConnectionWorkflows workflows;
  private final ActorService actorService;

  ConfigApiController(DefinitionRepository definitions, ActorRepository actors, ConnectionRepository connections,
      JobRepository jobs, ConnectorCommands commands, SourceCatalogs catalogs,
      ConnectionWorkflows workflows, ActorService actorService) {
    this.definitions = definitions;
    this.actors = actors;
    this.connections = connections;
    this.jobs = jobs;
    this.commands = commands;
    this.catalogs = catalogs;
    this.workflows = workflows;
    this.actorService = actorService;
  }

  /** Checks a configuration before it is saved (validated against the spec first). */
  @PostMapping("/{type:sources|destinations}/check")
  CheckResponse checkNew(@PathVariable String type, @RequestBody CheckRequest request) {
    ActorType actorType = actorType(type);
    if (request.definitionId() == null || request.configuration() == null) {
      throw ApiException.unprocessable("definitionId and configuration are required",
          List.of(request.definitionId() == null ? "definitionId: required" : "configuration: required"));
    }
    ActorDefinition definition = definitions.get(request.definitionId());
    List<String> problems = ConfigValidator.validate(definition.spec().get("connectionSpecification"), request.configuration());
    if (!problems.isEmpty()) {
      throw ApiException.unprocessable("The configuration does not match the spec",
          problems.stream().map(p -> "configuration." + p).toList());
    }
    return check(new ConnectorCommandInput("check", actorType.value(), definition.image(), null,
        actorService.sealed(request.configuration())));
  }

  /**
   * Checks a saved source or destination: with its stored configuration, or, when the body has a
   * {@code configuration}, with that edit applied as a PATCH would (masks keep the stored secrets)
   * without saving it, as Airbyte's {@code check_connection_for_update}.
   */
  @PostMapping("/{type:sources|destinations}/{id}/check")
  CheckResponse checkSaved(@PathVariable String type, @PathVariable UUID id,
      @RequestBody(required = false) EditCheckRequest edit) {
    ActorType actorType = actorType(type);
    Actor actor = actors.get(actorType, id);
    ActorDefinition definition = definitions.get(actor.definitionId());
    if (edit != null && edit.configuration() != null) {
      // stored secrets travel as references, resolved by the worker
      JsonNode edited = actorService.editedForCheck(actor, definition, edit.configuration());
      return check(new ConnectorCommandInput("check", actorType.value(), definition.image(), null,
          actorService.sealed(edited)));
    }
    return check(new ConnectorCommandInput("check", actorType.value(), definition.image(), id, null));
  }

  private CheckResponse check(ConnectorCommandInput input) {
    ConnectorCommandOutput output = commands.run(input);
    return new CheckResponse(output.succeeded() ? "succeeded" : "failed", output.message(), output.logPath());
  }

  @GetMapping("/sources/{id}/discover")
  AirbyteCatalog discover(@PathVariable UUID id) {
    return catalogs.discover(id);
  }

  @GetMapping("/connections/{id}/catalog_diff")
  CatalogDiff catalogDiff(@PathVariable UUID id) {
    Connection connection = connections.get(id);
    return CatalogDiff.between(connection.catalog(), catalogs.discover(connection.sourceId()));
  }

  @GetMapping("/connections/{id}/status")
  ConnectionStatus status(@PathVariable UUID id) {
    Connection connection = connections.get(id);
    WorkflowState state = null;
    try {
      state = workflows.isRunning(id) ? workflows.state(id) : null;
    } catch (RuntimeException e) {
      // no workflow yet: the reconciler starts it
    }
    List<Job> last = jobs.list(id, null, null, 1, 0);
    List<StreamStat> progress = List.of();
    if (state != null && state.jobRunning() && state.jobId() != null && state.attemptNumber() != null) {
      progress = jobs.stats(state.jobId(), state.attemptNumber());
    }
    return new ConnectionStatus(id, connection.status(), connection.statusReason(), state != null && state.jobRunning(),
        state == null ? null : state.jobId(), state == null ? null : state.attemptNumber(),
        state == null || state.nextRunMillis() == null ? null : Instant.ofEpochMilli(state.nextRunMillis()).toString(), progress,
        last.isEmpty() ? null : new LastJob(last.get(0).id(), last.get(0).status().value(), last.get(0).type().value(),
            last.get(0).createdAt().toString(), last.get(0).updatedAt().toString()));
  }

  @GetMapping("/jobs/{jobId}/attempts")
  List<AttemptView> attempts(@PathVariable long jobId) {
    jobs.get(jobId);
    return jobs.attempts(jobId).stream().map(a -> new AttemptView(a.attemptNumber(), a.status().value(),
        a.createdAt().toString(), a.endedAt() == null ? null : a.endedAt().toString(), a.failureSummary(), a.output(),
        jobs.stats(jobId, a.attemptNumber()))).toList();
  }

  /** The attempt's log, also while it runs; {@code ?download=true} serves it as a file. */
  @GetMapping(path = "/jobs/{jobId}/attempts/{attempt}/log", produces = MediaType.TEXT_PLAIN_VALUE)
  org.springframework.http.ResponseEntity<String> log(@PathVariable long jobId, @PathVariable int attempt,
      @RequestParam(defaultValue = "false") boolean download) throws IOException {
    Attempt a = jobs.attempt(jobId, attempt);
    Path file = logPath(a);
    if (file == null || !Files.exists(file)) {
      throw new io.airbyte.db.NotFoundException("log of attempt", jobId + "/" + attempt);
    }
    var response = org.springframework.http.ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN);
    if (download) {
      response = response.header("Content-Disposition", "attachment; filename=\"job-" + jobId + "-attempt-" + attempt + ".log\"");
    }
    return response.body(Files.readString(file));
  }

  /** Where the worker wrote the attempt's log: the attempt's row, or for attempts ended before it kept one, their output. */
  private static Path logPath(Attempt a) {
    if (a.logPath() != null) {
      return Path.of(a.logPath());
    }
    JsonNode recorded = a.output() == null ? null : a.output().get("logPath");
    return recorded == null || !recorded.isTextual() ? null : Path.of(recorded.asText());
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
