package io.airbyte.db.job;

import io.airbyte.contract.job.JobStatus;
import io.airbyte.contract.job.JobType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A filtered, ordered page of jobs, as Airbyte's {@code GET /jobs} asks for them; null filters match
 * everything, time bounds are inclusive.
 *
 * @param workspaceIds the workspaces of the jobs' connections (empty: all)
 * @param orderBy {@code createdAt} or {@code updatedAt}
 * @param descending newest first
 */
public record JobQuery(UUID connectionId, List<UUID> workspaceIds, JobStatus status, JobType type, Instant createdAtStart,
    Instant createdAtEnd, Instant updatedAtStart, Instant updatedAtEnd, OrderBy orderBy, boolean descending, int limit,
    int offset) {

  /** The columns a page may be ordered by. */
  public enum OrderBy {
    CREATED_AT("created_at"),
    UPDATED_AT("updated_at");

    final String column;

    OrderBy(String column) {
      this.column = column;
    }
  }

  public JobQuery {
    workspaceIds = workspaceIds == null ? List.of() : List.copyOf(workspaceIds);
    orderBy = orderBy == null ? OrderBy.CREATED_AT : orderBy;
  }
}
