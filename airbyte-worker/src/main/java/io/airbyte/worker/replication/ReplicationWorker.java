package io.airbyte.worker.replication;

import io.airbyte.worker.log.AttemptLog;
import io.airbyte.worker.process.JobDirectories;
import io.airbyte.worker.process.ProcessFactory;
import io.airbyte.worker.state.StatePersistence;
import java.time.Clock;

/** Starts replication attempts with the worker's process factory, state persistence and limits. */
public final class ReplicationWorker {

  private final ProcessFactory processes;
  private final StatePersistence persistence;
  private final ReplicationSettings settings;
  private final JobDirectories directories;
  private final Clock clock;

  public ReplicationWorker(ProcessFactory processes, StatePersistence persistence, ReplicationSettings settings,
      JobDirectories directories, Clock clock) {
    this.processes = processes;
    this.persistence = persistence;
    this.settings = settings;
    this.directories = directories;
    this.clock = clock;
  }

  /** Starts the attempt on a thread of its own; the run gives progress, cancellation and the output. */
  public ReplicationRun start(ReplicationInput input) {
    ReplicationRun run = new ReplicationRun(input, processes, persistence, settings, directories, clock);
    run.start();
    return run;
  }

  /**
   * The log of attempt {@code attempt} of job {@code jobId}, opened for more lines (what comes before
   * the replication: the checks, a connector's install), the one file the replication writes after.
   */
  public AttemptLog attemptLog(String jobId, int attempt) {
    return AttemptLog.in(directories.attempt(jobId, attempt), clock);
  }
}
