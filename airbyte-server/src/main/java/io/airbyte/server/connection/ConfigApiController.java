package io.airbyte.server.connection;

import io.airbyte.db.connection.Connection;
import io.airbyte.db.connection.ConnectionRepository;
import io.airbyte.db.job.Job;
import io.airbyte.db.job.JobRepository;
import io.airbyte.db.job.StreamStat;
import io.airbyte.protocol.models.AirbyteCatalog;
import io.airbyte.scheduler.connection.WorkflowState;
import io.airbyte.scheduler.reconcile.ConnectionWorkflows;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the UI needs beyond the public API: discover with the diff against a connection's catalog,
 * and a connection's live status and progress.
 */
@RestController
@RequestMapping("/api/v1")
class ConfigApiController {

  record ConnectionStatus(UUID connectionId, String status, String statusReason, boolean jobRunning, Long runningJobId,
      Integer runningAttempt, String nextRunAt, List<StreamStat> progress, LastJob lastJob) {}

  record LastJob(long jobId, String status, String jobType, String createdAt, String updatedAt) {}

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
}
