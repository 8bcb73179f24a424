package io.airbyte.worker.process;

import java.util.concurrent.ThreadLocalRandom;

/** Names of connector processes and containers: role, command, job, attempt and a random suffix. */
final class ProcessNames {

  private ProcessNames() {}

  static String of(LaunchRequest request) {
    String raw = request.role().label() + "-" + request.command() + "-job-" + request.jobId() + "-attempt-"
        + request.attempt() + "-" + Integer.toString(ThreadLocalRandom.current().nextInt(1 << 20), 36);
    // Docker's rule for names: [a-zA-Z0-9][a-zA-Z0-9_.-]*
    return raw.replaceAll("[^a-zA-Z0-9_.-]", "_");
  }
}
