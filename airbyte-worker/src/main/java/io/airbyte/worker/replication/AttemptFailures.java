package io.airbyte.worker.replication;

import io.airbyte.contract.failure.FailureOrigin;
import io.airbyte.worker.failure.FailureReason;
import java.util.ArrayList;
import java.util.List;

/** The failures of one attempt in the order they happened; the first one is the attempt's cause. */
final class AttemptFailures {

  private final List<FailureReason> failures = new ArrayList<>();

  synchronized void add(FailureReason failure) {
    failures.add(failure);
  }

  /** Adds {@code failure} unless {@code origin} already failed (a crash after its own TRACE ERROR, say). */
  synchronized void addUnlessFailed(FailureOrigin origin, FailureReason failure) {
    if (failures.stream().noneMatch(f -> f.failureOrigin() == origin)) {
      failures.add(failure);
    }
  }

  synchronized boolean has(FailureOrigin origin) {
    return failures.stream().anyMatch(f -> f.failureOrigin() == origin);
  }

  synchronized boolean isEmpty() {
    return failures.isEmpty();
  }

  synchronized List<FailureReason> list() {
    return List.copyOf(failures);
  }
}
