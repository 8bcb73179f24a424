package io.airbyte.server.job;

import io.airbyte.db.connection.ConnectionRepository;
import io.airbyte.db.job.Job;
import io.airbyte.db.job.JobRepository;
import io.airbyte.db.job.JobStatus;
import io.airbyte.db.job.JobType;
import io.airbyte.scheduler.connection.ConnectionManagerWorkflow;
import io.airbyte.scheduler.reconcile.ConnectionWorkflows;
import io.airbyte.server.Page;
import io.airbyte.server.error.ApiException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
      type = JobType.of(request.jobType() == null ? "sync" : request.jobType());
    } catch (IllegalArgumentException e) {
      throw ApiException.unprocessable("Unknown job type", List.of("jobType: '" + request.jobType()
          + "' is not sync, reset, refresh or clear"));
    }
    connections.get(request.connectionId());
    Optional<Job> running = jobs.unfinished(request.connectionId());
    if (running.isPresent()) {
      throw ApiException.conflict("Job " + running.get().id() + " of this connection is still running; cancel it or wait");
    }
    long before = jobs.list(request.connectionId(), null, null, 1, 0).stream().mapToLong(Job::id).findFirst().orElse(0);
    workflows.signal(request.connectionId(), w -> {
      switch (type) {
        case SYNC -> w.syncNow();
        case REFRESH -> w.refresh(List.of());
        case RESET -> w.reset();
        case CLEAR -> w.clear(List.of());
      }
    });
    // the connection's workflow creates the job: wait for it
    Instant end = Instant.now().plus(WAIT);
    while (Instant.now().isBefore(end)) {
      Optional<Job> created = jobs.list(request.connectionId(), null, null, 1, 0).stream().filter(j -> j.id() > before).findFirst();
      if (created.isPresent()) {
        return response(created.get());
      }
      Thread.sleep(100);
    }
    LOG.warn("No {} job of connection {} within {} s of the request; its workflow: {}", type.value(), request.connectionId(),
        WAIT.toSeconds(), workflows.diagnose(request.connectionId()));
    throw new ApiException(org.springframework.http.HttpStatus.SERVICE_UNAVAILABLE,
        "The scheduler did not start the job within " + WAIT.toSeconds() + " s; is it running?", List.of());
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
