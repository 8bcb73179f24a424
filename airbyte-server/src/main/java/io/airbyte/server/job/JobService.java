package io.airbyte.server.job;

import com.fasterxml.jackson.databind.JsonNode;
import io.airbyte.db.connection.ConnectionRepository;
import io.airbyte.db.job.Attempt;
import io.airbyte.db.job.Job;
import io.airbyte.db.job.JobRepository;
import io.airbyte.contract.job.JobStatus;
import io.airbyte.contract.job.JobType;
import io.airbyte.protocol.json.Jsons;
import io.airbyte.contract.connection.ConnectionManagerWorkflow;
import io.airbyte.scheduler.reconcile.ConnectionWorkflows;
import io.airbyte.server.error.ApiException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Jobs and their attempts: a job is created in the database and the connection's workflow told, which
 * runs it (and cancels it); attempts with their failures and stats, and the log each one wrote.
 */
@Service
class JobService {

  private static final Logger LOG = LoggerFactory.getLogger(JobService.class);
  private static final Duration WAIT = Duration.ofSeconds(20);

  private final JobRepository jobs;
  private final ConnectionRepository connections;
  private final ConnectionWorkflows workflows;

  JobService(JobRepository jobs, ConnectionRepository connections, ConnectionWorkflows workflows) {
    this.jobs = jobs;
    this.connections = connections;
    this.workflows = workflows;
  }

  /** Starts a job and answers once the connection's workflow took it up (or after {@link #WAIT}). */
  JobResponse start(JobRequest request) throws InterruptedException {
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

  JobResponse get(long jobId) {
    return response(jobs.get(jobId));
  }

  List<JobResponse> list(io.airbyte.db.job.JobQuery query) {
    List<Job> page = jobs.list(query);
    // one query for the page's totals, not one per job
    Map<Long, long[]> totals = jobs.committedTotals(page.stream().map(Job::id).toList());
    return page.stream().map(job -> response(job, totals.get(job.id()))).toList();
  }

  /** Cancels a job and answers once it ended (or after {@link #WAIT}); an ended job stays as it is. */
  JobResponse cancel(long jobId) throws InterruptedException {
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
    return response(job, jobs.committedTotals(job.id()));
  }

  private JobResponse response(Job job, long[] totals) {
    Instant start = job.startedAt() != null ? job.startedAt() : job.createdAt();
    Instant last = job.updatedAt();
    return new JobResponse(job.id(), job.status().value(), job.type().value(), job.connectionId(), start.toString(),
        last.toString(), Duration.between(start, job.status().isTerminal() ? last : Instant.now()).toString(), totals[1],
        totals[0]);
  }

  List<AttemptView> attempts(long jobId) {
    jobs.get(jobId);
    return jobs.attempts(jobId).stream().map(a -> new AttemptView(a.attemptNumber(), a.status().value(),
        a.createdAt().toString(), a.endedAt() == null ? null : a.endedAt().toString(), a.failureSummary(), a.output(),
        jobs.stats(jobId, a.attemptNumber()), a.workerId())).toList();
  }

  /** The attempt's log, also while it runs. */
  String log(long jobId, int attempt) throws IOException {
    Attempt a = jobs.attempt(jobId, attempt);
    Path file = logPath(a);
    if (file == null || !Files.exists(file)) {
      throw new io.airbyte.db.NotFoundException("log of attempt", jobId + "/" + attempt);
    }
    return Files.readString(file);
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
