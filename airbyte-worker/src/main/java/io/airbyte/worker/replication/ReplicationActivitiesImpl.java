package io.airbyte.worker.replication;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** Runs attempts through the {@link ReplicationWorker} and keeps the running ones by job id. */
public final class ReplicationActivitiesImpl implements ReplicationActivities {

  private final ReplicationWorker worker;
  private final ConcurrentMap<String, ReplicationRun> running = new ConcurrentHashMap<>();

  public ReplicationActivitiesImpl(ReplicationWorker worker) {
    this.worker = worker;
  }

  @Override
  public ReplicationOutput replicate(ReplicationInput input) {
    ReplicationRun run = worker.start(input);
    running.put(input.jobId(), run);
    try {
      return run.await();
    } catch (InterruptedException e) {
      // the caller gave up on the attempt: cancel it, wait for its end (a few seconds), keep the flag
      run.cancel();
      ReplicationOutput output = awaitUninterruptibly(run);
      Thread.currentThread().interrupt();
      return output;
    } finally {
      running.remove(input.jobId(), run);
    }
  }

  private static ReplicationOutput awaitUninterruptibly(ReplicationRun run) {
    while (true) {
      try {
        return run.await();
      } catch (InterruptedException ignored) {
        // keep waiting: the run is being cancelled and ends shortly
      }
    }
  }

  @Override
  public Optional<SyncProgress> progress(String jobId) {
    return Optional.ofNullable(running.get(jobId)).map(ReplicationRun::progress);
  }

  @Override
  public boolean cancel(String jobId) {
    ReplicationRun run = running.get(jobId);
    if (run == null) {
      return false;
    }
    run.cancel();
    return true;
  }
}
