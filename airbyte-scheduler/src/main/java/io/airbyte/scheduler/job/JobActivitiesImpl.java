package io.airbyte.scheduler.job;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.airbyte.contract.job.JobActivities;
import io.airbyte.contract.job.JobStatus;
import io.airbyte.contract.job.JobToRun;
import io.airbyte.contract.job.JobType;
import io.airbyte.contract.job.RetrySettings;
import io.airbyte.contract.job.ScheduleInfo;
import io.airbyte.contract.schedule.Schedule;
import io.airbyte.contract.sync.AttemptResult;
import io.airbyte.contract.sync.StreamRef;
import io.airbyte.db.connection.Connection;
import io.airbyte.db.connection.ConnectionRepository;
import io.airbyte.db.job.Job;
import io.airbyte.db.job.JobRepository;
import io.airbyte.protocol.json.Jsons;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link JobActivities} on the metadata database. */
public final class JobActivitiesImpl implements JobActivities {

  private static final Logger LOG = LoggerFactory.getLogger(JobActivitiesImpl.class);

  private final ConnectionRepository connections;
  private final JobRepository jobs;
  private final int maxFailedJobsInARow;
  private final RetrySettings retry;

  public JobActivitiesImpl(ConnectionRepository connections, JobRepository jobs, int maxFailedJobsInARow, RetrySettings retry) {
    this.connections = connections;
    this.jobs = jobs;
    this.maxFailedJobsInARow = maxFailedJobsInARow;
    this.retry = retry;
  }

  @Override
  public RetrySettings retrySettings() {
    return retry;
  }

  @Override
  public ScheduleInfo scheduleInfo(UUID connectionId) {
    Connection c = connections.find(connectionId).orElse(null);
    if (c == null) {
      return new ScheduleInfo(null, Schedule.manual(), null, null, null, List.of(), 0);
    }
    // a stored schedule the platform does not run reads as manual (the repository logs it)
    List<Job> last = jobs.list(connectionId, null, null, 1, 0);
    Long lastCreated = last.isEmpty() ? null : last.get(0).createdAt().toEpochMilli();
    Job unfinished = jobs.unfinished(connectionId).orElse(null);
    return new ScheduleInfo(c.status(), c.schedule(), lastCreated,
        unfinished == null ? null : unfinished.id(), unfinished == null ? null : unfinished.type(),
        unfinished == null ? List.of() : streams(unfinished.config()),
        unfinished == null ? 0 : jobs.attempts(unfinished.id()).size());
  }

  @Override
  public JobToRun createJob(UUID connectionId, JobType jobType, List<StreamRef> streams) {
    ObjectNode config = Jsons.object();
    ArrayNode list = config.putArray("streams");
    for (StreamRef s : streams) {
      ObjectNode node = list.addObject().put("name", s.name());
      if (s.namespace() != null) {
        node.put("namespace", s.namespace());
      }
    }
    Job job = jobs.createOrGetUnfinished(connectionId, jobType, config);
    LOG.info("Job {} ({}) of connection {}", job.id(), job.type().value(), connectionId);
    return new JobToRun(job.id(), job.type(), streams(job.config()), jobs.attempts(job.id()).size());
  }

  @Override
  public void startAttempt(long jobId, int attemptNumber) {
    jobs.startAttempt(jobId, attemptNumber, null);
  }

  @Override
  public void endAttempt(long jobId, int attemptNumber, AttemptResult result) {
    jobs.saveStats(jobId, attemptNumber, result.streams());
    ObjectNode output = Jsons.object().put("recordsCommitted", result.recordsCommitted())
        .put("bytesCommitted", result.bytesCommitted()).put("committedData", result.committedData());
    if (result.logPath() != null) {
      output.put("logPath", result.logPath());
    }
    JsonNode failures = null;
    if (!result.failures().isEmpty()) {
      ObjectNode summary = Jsons.object();
      summary.set("failures", Jsons.toTree(result.failures()));
      summary.put("partialSuccess", result.committedData());
      failures = summary;
    }
    jobs.endAttempt(jobId, attemptNumber, result.status(), output, failures);
  }

  @Override
  public void setJobStatus(long jobId, JobStatus status) {
    jobs.setStatus(jobId, status);
  }

  @Override
  public boolean disableIfFailing(UUID connectionId) {
    int failed = jobs.consecutiveFailures(connectionId);
    if (failed < maxFailedJobsInARow) {
      return false;
    }
    String reason = "Disabled after " + failed + " failed jobs in a row";
    connections.setStatus(connectionId, "inactive", reason);
    LOG.warn("Connection {}: {}", connectionId, reason);
    return true;
  }

  private static List<StreamRef> streams(JsonNode config) {
    List<StreamRef> streams = new ArrayList<>();
    if (config != null && config.has("streams")) {
      config.get("streams").forEach(s -> streams.add(new StreamRef(s.path("namespace").asText(null), s.get("name").asText())));
    }
    return streams;
  }
}
