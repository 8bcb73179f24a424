package io.airbyte.db.job;

import com.fasterxml.jackson.databind.JsonNode;
import io.airbyte.contract.job.AttemptStatus;
import io.airbyte.contract.job.JobStatus;
import io.airbyte.contract.job.JobType;
import io.airbyte.contract.stats.StreamStatistics;
import io.airbyte.db.JsonColumns;
import io.airbyte.db.NotFoundException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Jobs and attempts. Every write a workflow activity makes is idempotent on (jobId, attemptNumber):
 * an activity retried after it already succeeded changes nothing.
 */
public final class JobRepository {

  private static final String JOB = "id, connection_id, job_type, status, config, created_at, started_at, updated_at";
  private static final String ATTEMPT = "id, job_id, attempt_number, status, log_path, output, failure_summary, created_at, "
      + "updated_at, ended_at, worker_id";
  private final JdbcClient jdbc;
  private final TransactionTemplate tx;

  public JobRepository(DataSource dataSource) {
    this.jdbc = JdbcClient.create(dataSource);
    this.tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
  }

  /**
   * A new pending job, or the connection's unfinished job if it has one (at most one per
   * connection: the database enforces it).
   */
  public Job createOrGetUnfinished(UUID connectionId, JobType type, JsonNode config) {
    while (true) {
      Optional<Job> unfinished = unfinished(connectionId);
      if (unfinished.isPresent()) {
        return unfinished.get();
      }
      Optional<Job> created = createUnlessUnfinished(connectionId, type, config);
      if (created.isPresent()) {
        return created.get();
      }
      // another writer's job came in between (and may even have ended): look again
    }
  }

  /**
   * A new pending job, or empty when the connection has an unfinished job: of requests at the same
   * time, exactly one gets the job (the unique index of unfinished jobs per connection decides).
   */
  public Optional<Job> createUnlessUnfinished(UUID connectionId, JobType type, JsonNode config) {
    return jdbc.sql("INSERT INTO job (connection_id, job_type, status, config) VALUES (:c, :t, 'pending', "
            + "CAST(:config AS jsonb)) ON CONFLICT DO NOTHING RETURNING id")
        .param("c", connectionId).param("t", type.value()).param("config", JsonColumns.json(config == null
            ? io.airbyte.protocol.json.Jsons.object() : config))
        .query(Long.class).optional().map(this::get);
  }

  /** Cancels a job no workflow has taken up yet (still pending, no attempt); true when it did. */
  public boolean cancelIfPending(long jobId) {
    return jdbc.sql("UPDATE job SET status = 'cancelled', updated_at = now() WHERE id = :j AND status = 'pending' "
        + "AND NOT EXISTS (SELECT 1 FROM attempt WHERE job_id = :j)").param("j", jobId).update() == 1;
  }

  public Optional<Job> unfinished(UUID connectionId) {
    return jdbc.sql("SELECT " + JOB + " FROM job WHERE connection_id = :c AND status IN ('pending', 'running', 'incomplete')")
        .param("c", connectionId).query(JobRepository::job).optional();
  }

  public Optional<Job> find(long id) {
    return jdbc.sql("SELECT " + JOB + " FROM job WHERE id = :id").param("id", id).query(JobRepository::job).optional();
  }

  public Job get(long id) {
    return find(id).orElseThrow(() -> new NotFoundException("job", id));
  }

  /** Jobs, newest first; null filters match everything. */
  public List<Job> list(UUID connectionId, JobStatus status, JobType type, int limit, int offset) {
    return jdbc.sql("SELECT " + JOB + " FROM job WHERE (CAST(:c AS uuid) IS NULL OR connection_id = :c) "
            + "AND (CAST(:s AS text) IS NULL OR status = :s) AND (CAST(:t AS text) IS NULL OR job_type = :t) "
            + "ORDER BY created_at DESC, id DESC LIMIT :limit OFFSET :offset")
        .param("c", connectionId).param("s", status == null ? null : status.value())
        .param("t", type == null ? null : type.value()).param("limit", limit).param("offset", offset)
        .query(JobRepository::job).list();
  }

  /** Jobs as {@code query} filters and orders them (ties broken by id, the same way). */
  public List<Job> list(JobQuery query) {
    String direction = query.descending() ? " DESC" : " ASC";
    return jdbc.sql("SELECT " + JOB + " FROM job WHERE (CAST(:c AS uuid) IS NULL OR connection_id = :c) "
            + "AND (CAST(:s AS text) IS NULL OR status = :s) AND (CAST(:t AS text) IS NULL OR job_type = :t) "
            + "AND (CAST(:cs AS timestamptz) IS NULL OR created_at >= :cs) AND (CAST(:ce AS timestamptz) IS NULL OR created_at <= :ce) "
            + "AND (CAST(:us AS timestamptz) IS NULL OR updated_at >= :us) AND (CAST(:ue AS timestamptz) IS NULL OR updated_at <= :ue) "
            + "AND (CAST(:noWorkspaces AS boolean) OR connection_id IN (SELECT c.id FROM connection c JOIN actor a ON a.id = c.source_id "
            + "WHERE a.workspace_id = ANY(CAST(:w AS uuid[])))) "
            + "ORDER BY " + query.orderBy().column + direction + ", id" + direction + " LIMIT :limit OFFSET :offset")
        .param("c", query.connectionId()).param("s", query.status() == null ? null : query.status().value())
        .param("t", query.type() == null ? null : query.type().value())
        .param("cs", timestamp(query.createdAtStart())).param("ce", timestamp(query.createdAtEnd()))
        .param("us", timestamp(query.updatedAtStart())).param("ue", timestamp(query.updatedAtEnd()))
        .param("noWorkspaces", query.workspaceIds().isEmpty())
        .param("w", query.workspaceIds().stream().map(UUID::toString).toArray(String[]::new))
        .param("limit", query.limit()).param("offset", query.offset())
        .query(JobRepository::job).list();
  }

  private static java.time.OffsetDateTime timestamp(java.time.Instant instant) {
    return instant == null ? null : instant.atOffset(java.time.ZoneOffset.UTC);
  }

  /** Jobs not finished, of every connection (the reconciler checks their workflows). */
  public List<Job> unfinishedJobs() {
    return jdbc.sql("SELECT " + JOB + " FROM job WHERE status IN ('pending', 'running', 'incomplete') ORDER BY id")
        .query(JobRepository::job).list();
  }

  /** Starts attempt {@code number} (idempotent) and marks the job running. */
  public Attempt startAttempt(long jobId, int number, String logPath) {
    return tx.execute(status -> {
      jdbc.sql("INSERT INTO attempt (job_id, attempt_number, status, log_path) VALUES (:j, :n, 'running', :log) "
              + "ON CONFLICT (job_id, attempt_number) DO NOTHING")
          .param("j", jobId).param("n", number).param("log", logPath).update();
      jdbc.sql("UPDATE job SET status = 'running', started_at = coalesce(started_at, now()), updated_at = now() "
              + "WHERE id = :j AND status IN ('pending', 'incomplete')").param("j", jobId).update();
      return attempt(jobId, number);
    });
  }

  /** Records where the attempt's log is (the worker's job directory), for the API to read it while the attempt runs. */
  public void setLogPath(long jobId, int number, String logPath) {
    jdbc.sql("UPDATE attempt SET log_path = :log, updated_at = now() WHERE job_id = :j AND attempt_number = :n")
        .param("log", logPath).param("j", jobId).param("n", number).update();
  }

  /** Records which worker runs the attempt's replication (the last one to start it, should Temporal move it). */
  public void setWorkerId(long jobId, int number, String workerId) {
    jdbc.sql("UPDATE attempt SET worker_id = :w, updated_at = now() WHERE job_id = :j AND attempt_number = :n")
        .param("w", workerId).param("j", jobId).param("n", number).update();
  }

  /** Ends a running attempt; an attempt already ended keeps its first outcome. */
  public Attempt endAttempt(long jobId, int number, AttemptStatus outcome, JsonNode output, JsonNode failureSummary) {
    jdbc.sql("UPDATE attempt SET status = :s, output = CAST(:o AS jsonb), failure_summary = CAST(:f AS jsonb), "
            + "ended_at = now(), updated_at = now() WHERE job_id = :j AND attempt_number = :n AND status = 'running'")
        .param("s", outcome.value()).param("o", JsonColumns.json(output)).param("f", JsonColumns.json(failureSummary))
        .param("j", jobId).param("n", number).update();
    return attempt(jobId, number);
  }

  /** Moves an unfinished job to {@code status}; a finished job keeps its status (idempotent). */
  public Job setStatus(long jobId, JobStatus status) {
    jdbc.sql("UPDATE job SET status = :s, updated_at = now() WHERE id = :j AND status IN ('pending', 'running', 'incomplete')")
        .param("s", status.value()).param("j", jobId).update();
    return get(jobId);
  }

  public Attempt attempt(long jobId, int number) {
    return jdbc.sql("SELECT " + ATTEMPT + " FROM attempt WHERE job_id = :j AND attempt_number = :n")
        .param("j", jobId).param("n", number).query(JobRepository::attempt).optional()
        .orElseThrow(() -> new NotFoundException("attempt", jobId + "/" + number));
  }

  public List<Attempt> attempts(long jobId) {
    return jdbc.sql("SELECT " + ATTEMPT + " FROM attempt WHERE job_id = :j ORDER BY attempt_number").param("j", jobId)
        .query(JobRepository::attempt).list();
  }

  /** Replaces the figures of an attempt (idempotent: the latest snapshot wins). */
  public void saveStats(long jobId, int number, List<StreamStatistics> stats) {
    long attemptId = attempt(jobId, number).id();
    tx.executeWithoutResult(status -> {
      for (StreamStatistics s : stats) {
        jdbc.sql("INSERT INTO stream_stats (attempt_id, stream_namespace, stream_name, records_emitted, bytes_emitted, "
                + "records_committed, bytes_committed, estimated_records, estimated_bytes) VALUES (:a, :ns, :n, :re, :be, "
                + ":rc, :bc, :er, :eb) ON CONFLICT (attempt_id, stream_namespace, stream_name) DO UPDATE SET "
                + "records_emitted = excluded.records_emitted, bytes_emitted = excluded.bytes_emitted, "
                + "records_committed = excluded.records_committed, bytes_committed = excluded.bytes_committed, "
                + "estimated_records = excluded.estimated_records, estimated_bytes = excluded.estimated_bytes, updated_at = now()")
            .param("a", attemptId).param("ns", s.streamNamespace() == null ? "" : s.streamNamespace())
            .param("n", s.streamName()).param("re", s.recordsEmitted()).param("be", s.bytesEmitted())
            .param("rc", s.recordsCommitted()).param("bc", s.bytesCommitted()).param("er", s.estimatedRecords())
            .param("eb", s.estimatedBytes()).update();
      }
    });
  }

  public List<StreamStatistics> stats(long jobId, int number) {
    return jdbc.sql("SELECT s.* FROM stream_stats s JOIN attempt a ON a.id = s.attempt_id "
            + "WHERE a.job_id = :j AND a.attempt_number = :n ORDER BY s.stream_namespace, s.stream_name")
        .param("j", jobId).param("n", number)
        .query((rs, row) -> new StreamStatistics(rs.getString("stream_namespace").isEmpty() ? null : rs.getString("stream_namespace"),
            rs.getString("stream_name"), rs.getLong("records_emitted"), rs.getLong("bytes_emitted"),
            rs.getLong("records_committed"), rs.getLong("bytes_committed"), (Long) rs.getObject("estimated_records"),
            (Long) rs.getObject("estimated_bytes")))
        .list();
  }

  /** Records and bytes a job committed, over its attempts (the API's rowsSynced and bytesSynced). */
  public long[] committedTotals(long jobId) {
    return jdbc.sql("SELECT coalesce(sum(s.records_committed), 0), coalesce(sum(s.bytes_committed), 0) FROM stream_stats s "
            + "JOIN attempt a ON a.id = s.attempt_id WHERE a.job_id = :j")
        .param("j", jobId).query((rs, row) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
  }

  /** {@link #committedTotals(long)} of each of {@code jobIds} in one query ({0, 0} for a job nothing committed). */
  public Map<Long, long[]> committedTotals(Collection<Long> jobIds) {
    Map<Long, long[]> totals = new HashMap<>();
    for (Long id : jobIds) {
      totals.put(id, new long[] {0, 0});
    }
    if (jobIds.isEmpty()) {
      return totals;
    }
    jdbc.sql("SELECT a.job_id, coalesce(sum(s.records_committed), 0) AS records, coalesce(sum(s.bytes_committed), 0) AS bytes "
            + "FROM stream_stats s JOIN attempt a ON a.id = s.attempt_id WHERE a.job_id = ANY(:j) GROUP BY a.job_id")
        .param("j", jobIds.toArray(new Long[0]))
        .query(rs -> {
          totals.put(rs.getLong("job_id"), new long[] {rs.getLong("records"), rs.getLong("bytes")});
        });
    return totals;
  }

  /** How many of the connection's latest finished jobs failed in a row. */
  public int consecutiveFailures(UUID connectionId) {
    List<JobStatus> statuses = jdbc.sql("SELECT status FROM job WHERE connection_id = :c AND status IN ('failed', 'succeeded', "
            + "'cancelled') ORDER BY created_at DESC, id DESC LIMIT 100").param("c", connectionId)
        .query((rs, row) -> JobStatus.of(rs.getString("status"))).list();
    int n = 0;
    for (JobStatus s : statuses) {
      if (s == JobStatus.FAILED) {
        n++;
      } else if (s == JobStatus.SUCCEEDED) {
        break;
      }
    }
    return n;
  }

  private static Job job(ResultSet rs, int row) throws SQLException {
    return new Job(rs.getLong("id"), rs.getObject("connection_id", UUID.class), JobType.of(rs.getString("job_type")),
        JobStatus.of(rs.getString("status")), JsonColumns.tree(rs, "config"), JsonColumns.instant(rs, "created_at"),
        JsonColumns.instant(rs, "started_at"), JsonColumns.instant(rs, "updated_at"));
  }

  private static Attempt attempt(ResultSet rs, int row) throws SQLException {
    return new Attempt(rs.getLong("id"), rs.getLong("job_id"), rs.getInt("attempt_number"),
        AttemptStatus.of(rs.getString("status")), rs.getString("log_path"), JsonColumns.tree(rs, "output"),
        JsonColumns.tree(rs, "failure_summary"), JsonColumns.instant(rs, "created_at"), JsonColumns.instant(rs, "updated_at"),
        JsonColumns.instant(rs, "ended_at"), rs.getString("worker_id"));
  }
}
