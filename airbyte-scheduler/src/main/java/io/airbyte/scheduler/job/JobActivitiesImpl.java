package io.airbyte.scheduler.job;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.airbyte.db.connection.Connection;
import io.airbyte.db.connection.ConnectionRepository;
import io.airbyte.db.job.AttemptStatus;
import io.airbyte.db.job.Job;
import io.airbyte.db.job.JobRepository;
import io.airbyte.db.job.JobStatus;
import io.airbyte.db.job.JobType;
import io.airbyte.db.job.StreamStat;
import io.airbyte.protocol.json.Jsons;
import io.airbyte.scheduler.connection.RetrySettings;
import io.airbyte.scheduler.schedule.NextRun;
import io.airbyte.scheduler.sync.AttemptResult;
import io.airbyte.scheduler.sync.StreamRef;
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
      return new ScheduleInfo(null, "manual", 0, null, null, null, null, null, List.of(), 0);
    }
    String type = c.schedule().type();
    JsonNode data = c.schedule().data() == null ? Jsons.object() : c.schedule().data();
    long interval = 0;
    String cron = null;
    String zone = null;
    try {
      if ("basic".equals(type)) {
        interval = BasicSchedules.intervalMillis(data.path("basicSchedule"));
      } else if ("cron".equals(type)) {
        cron = data.path("cron").path("cronExpression").asText(null);
        zone = data.path("cron").path("cronTimeZone").asText("UTC");
        NextRun.validateCron(cron, zone);
      }
    } catch (RuntimeException e) {
      // a row the API would refuse (stored before the rules, or by hand): no scheduled runs, never a failing loop
      LOG.error("Connection {}: its stored {} schedule {} is not one the platform runs ({}); it gets no scheduled runs "
          + "until its schedule is updated", connectionId, type, data, e.getMessage());
      type = "manual";
      interval = 0;
      cron = null;
      zone = null;
    }
    List<Job> last = jobs.list(connectionId, null, null, 1, 0);
    Long lastCreated = last.isEmpty() ? null : last.get(0).createdAt().toEpochMilli();
    Job unfinished = jobs.unfinished(connectionId).orElse(null);
    return new ScheduleInfo(c.status(), type, interval, cron, zone, lastCreated,
        unfinished == null ? null : unfinished.id(), unfinished == null ? null : unfinished.type().value(),
        unfinished == null ? List.of() : streams(unfinished.config()),
        unfinished == null ? 0 : jobs.attempts(unfinished.id()).size());
  }

  @Override
  public JobToRun createJob(UUID connectionId, String jobType, List<StreamRef> streams) {
    ObjectNode config = Jsons.object();
    ArrayNode list = config.putArray("streams");
    for (StreamRef s : streams) {
      ObjectNode node = list.addObject().put("name", s.name());
      if (s.namespace() != null) {
        node.put("namespace", s.namespace());
      }
    }
    Job job = jobs.createOrGetUnfinished(connectionId, JobType.of(jobType), config);
    LOG.info("Job {} ({}) of connection {}", job.id(), job.type().value(), connectionId);
    return new JobToRun(job.id(), job.type().value(), streams(job.config()), jobs.attempts(job.id()).size());
  }

  @Override
  public void startAttempt(long jobId, int attemptNumber) {
    jobs.startAttempt(jobId, attemptNumber, null);
  }

  @Override
  public void endAttempt(long jobId, int attemptNumber, AttemptResult result) {
    List<StreamStat> stats = new ArrayList<>();
    result.streams().forEach(s -> stats.add(new StreamStat(s.streamNamespace(), s.streamName(), s.recordsEmitted(),
        s.bytesEmitted(), s.recordsCommitted(), s.bytesCommitted(), s.estimatedRecords(), s.estimatedBytes())));
    jobs.saveStats(jobId, attemptNumber, stats);
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
    jobs.endAttempt(jobId, attemptNumber, AttemptStatus.of(result.status()), output, failures);
  }

  @Override
  public void setJobStatus(long jobId, String status) {
    jobs.setStatus(jobId, JobStatus.of(status));
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
