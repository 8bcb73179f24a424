package io.airbyte.server.connection;

import com.fasterxml.jackson.databind.JsonNode;
import io.airbyte.db.connection.Connection;
import io.airbyte.db.connection.ConnectionRepository;
import io.airbyte.db.job.Attempt;
import io.airbyte.db.job.Job;
import io.airbyte.db.job.JobRepository;
import io.airbyte.db.job.StreamStat;
import io.airbyte.protocol.models.AirbyteCatalog;
import io.airbyte.scheduler.connection.WorkflowState;
import io.airbyte.scheduler.reconcile.ConnectionWorkflows;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the UI needs beyond the public API: discover with the diff against a connection's catalog,
 * a connection's live status and progress, attempts with failures and stats, and attempt logs.
 */
@RestController
@RequestMapping("/api/v1")
class ConfigApiController {

  record ConnectionStatus(UUID connectionId, String status, String statusReason, boolean jobRunning, Long runningJobId,
      Integer runningAttempt, String nextRunAt, List<StreamStat> progress, LastJob lastJob) {}

  record LastJob(long jobId, String status, String jobType, String createdAt, String updatedAt) {}

  record AttemptView(int attemptNumber, String status, String createdAt, String endedAt, JsonNode failureSummary,
      JsonNode output, List<StreamStat> streams) {}

  private final ConnectionRepository connections;
  private final JobRepository jobs;
  private final SourceCatalogs catalogs;
  private final ConnectionWorkflows workflows;

  ConfigApiController(ConnectionRepository connections, JobRepository jobs, SourceCatalogs catalogs,
      ConnectionWorkflows workflows) {
    this.connections = connections;
    this.jobs = jobs;
    this.catalogs = catalogs;
    this.workflows = workflows;
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
}
