package io.airbyte.scheduler.reconcile;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.airbyte.contract.failure.FailureOrigin;
import io.airbyte.contract.failure.FailureType;
import io.airbyte.contract.job.AttemptStatus;
import io.airbyte.contract.job.JobStatus;
import io.airbyte.db.connection.ConnectionRepository;
import io.airbyte.db.job.Attempt;
import io.airbyte.db.job.Job;
import io.airbyte.db.job.JobRepository;
import io.airbyte.protocol.json.Jsons;
import java.time.Clock;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes every live connection have its running workflow (at start-up and periodically). A job left
 * running by a workflow that no longer exists (the in-memory Temporal server restarted, say) has
 * its running attempt failed with the reason, and the job goes on with a new attempt in the new
 * workflow.
 */
public final class Reconciler {

  private static final Logger LOG = LoggerFactory.getLogger(Reconciler.class);

  private final ConnectionRepository connections;
  private final JobRepository jobs;
  private final ConnectionWorkflows workflows;
  private final Clock clock;

  public Reconciler(ConnectionRepository connections, JobRepository jobs, ConnectionWorkflows workflows, Clock clock) {
    this.connections = connections;
    this.jobs = jobs;
    this.workflows = workflows;
    this.clock = clock;
  }

  /** Returns how many workflows it started. */
  public int reconcile() {
    for (Job job : jobs.unfinishedJobs()) {
      if (!workflows.isRunning(job.connectionId())) {
        failOrphaned(job);
      }
    }
    int started = 0;
    for (UUID connectionId : connections.liveIds()) {
      if (workflows.ensureStarted(connectionId)) {
        started++;
      }
    }
    if (started > 0) {
      LOG.info("Reconciler started {} connection workflow(s)", started);
    }
    return started;
  }

  private void failOrphaned(Job job) {
    for (Attempt attempt : jobs.attempts(job.id())) {
      if (attempt.status() == AttemptStatus.RUNNING) {
        ObjectNode failure = Jsons.object();
        failure.putArray("failures").addObject()
            .put("failureOrigin", FailureOrigin.PLATFORM.value()).put("failureType", FailureType.SYSTEM_ERROR.value())
            .put("retryable", true)
            .put("externalMessage", "The platform lost track of this attempt (it restarted while the attempt ran); "
                + "the job goes on with a new attempt")
            .put("timestamp", clock.millis());
        jobs.endAttempt(job.id(), attempt.attemptNumber(), AttemptStatus.FAILED, null, failure);
        LOG.warn("Job {} attempt {}: its workflow is gone; failed it", job.id(), attempt.attemptNumber());
      }
    }
    if (job.status() == JobStatus.RUNNING) {
      jobs.setStatus(job.id(), JobStatus.INCOMPLETE);
    }
  }
}
