package io.airbyte.worker.sync;

import io.airbyte.contract.connector.ActorType;
import io.airbyte.contract.failure.AttemptFailure;
import io.airbyte.contract.failure.FailureOrigin;
import io.airbyte.contract.job.AttemptStatus;
import io.airbyte.contract.sync.AttemptResult;
import io.airbyte.contract.sync.CheckResult;
import io.airbyte.contract.sync.SyncActivities;
import io.airbyte.contract.sync.SyncInput;
import io.airbyte.db.connection.Connection;
import io.airbyte.db.job.JobRepository;
import io.airbyte.protocol.models.AirbyteConnectionStatus;
import io.airbyte.worker.connector.ConnectorActivities;
import io.airbyte.worker.connector.ConnectorJobResult;
import io.airbyte.worker.failure.FailureReason;
import io.airbyte.worker.log.AttemptLog;
import io.airbyte.worker.process.ConnectorRole;
import io.airbyte.worker.replication.ReplicationOutput;
import io.airbyte.worker.replication.ReplicationRun;
import io.airbyte.worker.replication.ReplicationWorker;
import io.airbyte.worker.replication.SyncProgress;
import io.temporal.activity.Activity;
import io.temporal.client.ActivityCompletionException;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The worker's side of an attempt: checks and replication, with the inputs read from the metadata
 * database. While checking (when a Python connector may be installed, pip's lines going to the
 * attempt's log) and while replicating it heartbeats to Temporal; while replicating it saves the
 * figures for the API. A cancellation (seen through the heartbeat) stops the install or both
 * connectors.
 */
public final class SyncActivitiesImpl implements SyncActivities {

  private static final Logger LOG = LoggerFactory.getLogger(SyncActivitiesImpl.class);

  private final AttemptInputs inputs;
  private final ConnectorActivities connectors;
  private final ReplicationWorker replication;
  private final JobRepository jobs;
  private final Duration heartbeatInterval;
  private final String workerId;
  private final RecentChecks recentChecks;

  /**
   * Activities of the worker {@code workerId} ({@link WorkerIds}), recorded with each attempt it replicates; the
   * first attempt of a sync skips the check of a side whose configuration passed one in {@code recentChecks}.
   */
  public SyncActivitiesImpl(AttemptInputs inputs, ConnectorActivities connectors, ReplicationWorker replication,
      JobRepository jobs, Duration heartbeatInterval, String workerId, RecentChecks recentChecks) {
    this.inputs = inputs;
    this.connectors = connectors;
    this.replication = replication;
    this.jobs = jobs;
    this.heartbeatInterval = heartbeatInterval;
    this.workerId = workerId;
    this.recentChecks = recentChecks;
  }

  /** Activities of the worker {@code workerId}, checking before every attempt. */
  public SyncActivitiesImpl(AttemptInputs inputs, ConnectorActivities connectors, ReplicationWorker replication,
      JobRepository jobs, Duration heartbeatInterval, String workerId) {
    this(inputs, connectors, replication, jobs, heartbeatInterval, workerId, RecentChecks.none());
  }

  /** Activities of this JVM's worker, {@link WorkerIds#local()}. */
  public SyncActivitiesImpl(AttemptInputs inputs, ConnectorActivities connectors, ReplicationWorker replication,
      JobRepository jobs, Duration heartbeatInterval) {
    this(inputs, connectors, replication, jobs, heartbeatInterval, WorkerIds.local());
  }

  @Override
  public CheckResult checkSource(SyncInput input) {
    return check(input, ActorType.SOURCE);
  }

  @Override
  public CheckResult checkDestination(SyncInput input) {
    return check(input, ActorType.DESTINATION);
  }

  /**
   * A check is a sync's first use of its connectors: a Python connector is installed then, for minutes
   * maybe. The check heartbeats meanwhile (a cancellation stops the install), and the install's lines
   * go to the attempt's log as well as the check's own.
   */
  private CheckResult check(SyncInput input, ActorType type) {
    Connection connection = inputs.connection(input);
    AttemptInputs.Side side = inputs.side(connection, type);
    ConnectorRole role = ConnectorRole.of(type);
    ConnectorJobResult<AirbyteConnectionStatus> result;
    try (AttemptLog log = replication.attemptLog(Long.toString(input.jobId()), input.attemptNumber())) {
      // a retry always checks: the attempt before it failed
      var passed = input.attemptNumber() == 0 ? recentChecks.passedWithin(role, side.connector(), side.config())
          : java.util.Optional.<Duration>empty();
      if (passed.isPresent()) {
        String message = "The same " + role.label() + " configuration passed a check " + passed.get().toSeconds()
            + " s ago on worker " + workerId;
        log.platform("Check of the " + role.label() + " skipped: " + message + " (AIRBYTE_CHECK_REUSE_SECONDS="
            + recentChecks.reuse().toSeconds() + ")");
        return new CheckResult(true, message, null);
      }
      log.platform("Checking the " + role.label() + " " + side.connector().describe() + " on worker " + workerId);
      result = HeartbeatingStep.run("check-" + role.label() + "-job-" + input.jobId() + "-attempt-" + input.attemptNumber(),
          heartbeatInterval, () -> connectors.reporting(log::platform).check(role, side.connector(), side.config()));
      log.platform("Check of the " + role.label() + ": " + (result.succeeded() ? result.output().getStatus()
          : "failed: " + result.failure().externalMessage() + " (" + result.failure().failureType().value() + ")"));
    }
    recentChecks.record(role, side.connector(), side.config(), result);
    return PreSyncCheck.classify(type == ActorType.SOURCE ? FailureOrigin.SOURCE : FailureOrigin.DESTINATION, result);
  }

  @Override
  public AttemptResult replicate(SyncInput input) {
    MDC.put("job_id", Long.toString(input.jobId()));
    MDC.put("attempt", Integer.toString(input.attemptNumber()));
    MDC.put("connection_id", input.connectionId().toString());
    MDC.put("worker_id", workerId);
    ReplicationRun run = null;
    try {
      jobs.setWorkerId(input.jobId(), input.attemptNumber(), workerId);
      try (AttemptLog log = replication.attemptLog(Long.toString(input.jobId()), input.attemptNumber())) {
        log.platform("Worker " + workerId + " runs job " + input.jobId() + " attempt " + input.attemptNumber()
            + " of connection " + input.connectionId());
      }
      run = replication.start(inputs.build(input));
      jobs.setLogPath(input.jobId(), input.attemptNumber(), run.logPath().toString());
      // heartbeats and live stats every interval; the attempt ends as soon as the run does
      while (!run.awaitDone(heartbeatInterval)) {
        SyncProgress progress = run.progress();
        saveStats(input, progress);
        try {
          Activity.getExecutionContext().heartbeat(progress.recordsEmitted());
        } catch (ActivityCompletionException e) {
          LOG.info("Job {} attempt {} cancelled: stopping the connectors", input.jobId(), input.attemptNumber());
          run.cancel();
        }
      }
      ReplicationOutput output = run.await();
      saveStats(input, output.stats());
      AttemptResult result = result(output);
      if (result.status() == AttemptStatus.FAILED) {
        forgetChecks(input); // the next attempt checks both sides again
      }
      return result;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      if (run != null) {
        run.cancel(); // its connectors stop, and their configurations go, as for a cancellation
      }
      return new AttemptResult(AttemptStatus.CANCELLED, List.of(), false, 0, 0, List.of(), null);
    } finally {
      MDC.remove("job_id");
      MDC.remove("attempt");
      MDC.remove("connection_id");
      MDC.remove("worker_id");
    }
  }

  private void forgetChecks(SyncInput input) {
    try {
      Connection connection = inputs.connection(input);
      for (ActorType type : List.of(ActorType.SOURCE, ActorType.DESTINATION)) {
        AttemptInputs.Side side = inputs.side(connection, type);
        recentChecks.forget(ConnectorRole.of(type), side.connector(), side.config());
      }
    } catch (RuntimeException e) {
      // the connection or an actor gone meanwhile: its next attempt fails on that, checked or not
      LOG.warn("Could not forget the checks of job {} attempt {}: {}", input.jobId(), input.attemptNumber(), e.toString());
    }
  }

  private void saveStats(SyncInput input, SyncProgress progress) {
    jobs.saveStats(input.jobId(), input.attemptNumber(), progress.streams());
  }

  private static AttemptResult result(ReplicationOutput output) {
    AttemptStatus status = switch (output.status()) {
      case COMPLETED -> AttemptStatus.SUCCEEDED;
      case CANCELLED -> AttemptStatus.CANCELLED;
      case FAILED -> AttemptStatus.FAILED;
    };
    SyncProgress stats = output.stats();
    return new AttemptResult(status, output.failures().stream().map(SyncActivitiesImpl::failure).toList(),
        // progress is records committed by this attempt: a retry that echoes again the states an earlier
        // attempt committed (a stream read completely before) made none, and counts as a failure in a row
        stats.recordsCommitted() > 0,
        stats.recordsCommitted(), stats.bytesCommitted(), stats.streams(), output.logPath().toString());
  }

  static AttemptFailure failure(FailureReason f) {
    return new AttemptFailure(f.failureOrigin(), f.failureType(), f.retryable(), f.externalMessage(),
        f.internalMessage(), f.stacktrace(), f.timestamp());
  }
}
