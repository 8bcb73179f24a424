package io.airbyte.server.job;

import io.airbyte.contract.connection.ConnectionManagerWorkflow;
import io.airbyte.contract.job.JobStatus;
import io.airbyte.contract.job.JobType;
import io.airbyte.db.connection.ConnectionRepository;
import io.airbyte.db.job.Job;
import io.airbyte.db.job.JobRepository;
import io.airbyte.protocol.json.Jsons;
import io.airbyte.scheduler.reconcile.ConnectionWorkflows;
import io.airbyte.server.Page;
import io.airbyte.server.error.ApiException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Jobs as Airbyte's public API has them: start one (sync, reset, refresh, clear), read, list, cancel. */
@RestController
@RequestMapping("/api/public/v1/jobs")
class JobsController {

  private static final Logger LOG = LoggerFactory.getLogger(JobsController.class);
  private static final Duration WAIT = Duration.ofSeconds(20);

  record JobRequest(UUID connectionId, String jobType) {}

  record JobResponse(long jobId, String status, String jobType, UUID connectionId, String startTime, String lastUpdatedAt,
      String duration, long bytesSynced, long rowsSynced) {}

  private final JobRepository jobs;
  private final ConnectionRepository connections;
  private final ConnectionWorkflows workflows;

  JobsController(JobRepository jobs, ConnectionRepository connections, ConnectionWorkflows workflows) {
    this.jobs = jobs;
    this.connections = connections;
    this.workflows = workflows;
  }

  @PostMapping
  JobResponse start(@RequestBody JobRequest request) throws InterruptedException {
    if (request.connectionId() == null) {
      throw ApiException.unprocessable("Which connection?", List.of("connectionId: required"));
    }
    JobType type;
    try {
      type = request.jobType() == null ? JobType.SYNC : JobType.of(request.jobType());
    } catch (IllegalArgumentException e) {
      throw ApiException.unprocessable("Unknown job type", List.of("jobType: '" + request.jobType()
          + "' is not sync, reset, refresh or clear"));
    }
    connections.get(request.connectionId());
    // the job is created here, in the database: of requests at the same time exactly one gets it (the
    // unique index of unfinished jobs per connection decides), the others answer 409
    Job job = jobs.createUnlessUnfinished(request.connectionId(), type, Jsons.deserialize("{\"streams\":[]}"))
        .orElseThrow(() -> conflict(request.connectionId()));
    try {
      workflows.signal(request.connectionId(), ConnectionManagerWorkflow::jobCreated);
    } catch (RuntimeException e) {
      jobs.cancelIfPending(job.id());
      LOG.warn("Job {} of connection {}: the scheduler could not be told ({}); the job is cancelled", job.id(),
          request.connectionId(), e.toString());
      throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "The scheduler cannot be reached; no job was started", List.of());
    }
    // the connection's workflow picks the job up: wait for that, so that the answer says it runs
    Instant end = Instant.now().plus(WAIT);
    while (Instant.now().isBefore(end)) {
      Job current = jobs.get(job.id());
      if (current.status() != JobStatus.PENDING) {
        return response(current);
      }
      Thread.sleep(100);
    }
    LOG.warn("Job {} ({}) of connection {} not picked up within {} s; its workflow: {}", job.id(), type.value(),
        request.connectionId(), WAIT.toSeconds(), workflows.diagnose(request.connectionId()));
    return response(jobs.get(job.id()));
  }

  private ApiException conflict(UUID connectionId) {
    return ApiException.conflict(jobs.unfinished(connectionId)
        .map(running -> "Job " + running.id() + " of this connection is still running; cancel it or wait")
        .orElse("Another job of this connection was started at the same time"));
  }

  @GetMapping("/{jobId}")
  JobResponse get(@PathVariable long jobId) {
    return response(jobs.get(jobId));
  }

  @GetMapping
  Page<JobResponse> list(@RequestParam(required = false) UUID connectionId, @RequestParam(required = false) String status,
      @RequestParam(required = false) String jobType, @RequestParam(defaultValue = "20") int limit,
      @RequestParam(defaultValue = "0") int offset) {
    Page.checkPaging(limit, offset);
    JobStatus s = status == null ? null : JobStatus.of(status);
    JobType t = jobType == null ? null : JobType.of(jobType);
    return Page.of(jobs.list(connectionId, s, t, limit, offset).stream().map(this::response).toList(), limit, offset);
  }

  @DeleteMapping("/{jobId}")
  JobResponse cancel(@PathVariable long jobId) throws InterruptedException {
    Job job = jobs.get(jobId);
    if (job.status().isTerminal()) {
      return response(job);
    }
    // a job no workflow took up yet is cancelled here; one that runs, by its workflow
    jobs.cancelIfPending(jobId);
    workflows.signal(job.connectionId(), ConnectionManagerWorkflow::cancelJob);
    Instant end = Instant.now().plus(WAIT);
    while (Instant.now().isBefore(end) && !jobs.get(jobId).status().isTerminal()) {
      Thread.sleep(100);
    }
    return response(jobs.get(jobId));
  }

  private JobResponse response(Job job) {
    long[] totals = jobs.committedTotals(job.id());
    Instant start = job.startedAt() != null ? job.startedAt() : job.createdAt();
    Instant last = job.updatedAt();
    return new JobResponse(job.id(), job.status().value(), job.type().value(), job.connectionId(), start.toString(),
        last.toString(), Duration.between(start, job.status().isTerminal() ? last : Instant.now()).toString(), totals[1],
        totals[0]);
  }
}
