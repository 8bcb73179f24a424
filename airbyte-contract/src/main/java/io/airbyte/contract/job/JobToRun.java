package io.airbyte.contract.job;

import io.airbyte.contract.sync.StreamRef;
import java.util.List;

/**
 * The job a connection's workflow runs, as the database has it: the one it created, or the
 * connection's unfinished job (one the API created, or one a lost workflow left), with its type,
 * its streams and how many attempts it already made.
 */
public record JobToRun(long id, JobType type, List<StreamRef> streams, int attempts) {

  public JobToRun {
    streams = streams == null ? List.of() : List.copyOf(streams);
  }
}
