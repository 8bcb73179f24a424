package io.airbyte.worker.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.airbyte.contract.connection.ConnectionManagerWorkflow;
import io.airbyte.contract.connector.ActorType;
import io.airbyte.contract.job.JobStatus;
import io.airbyte.contract.job.RetrySettings;
import io.airbyte.db.job.Job;
import io.airbyte.db.job.JobRepository;
import io.airbyte.protocol.models.AirbyteStream;
import io.airbyte.protocol.models.ConfiguredAirbyteStream;
import io.airbyte.protocol.models.DestinationSyncMode;
import io.airbyte.protocol.models.SyncMode;
import io.airbyte.scheduler.reconcile.ConnectionWorkflows;
import io.airbyte.testsupport.postgres.PostgresExtension;
import io.airbyte.testsupport.postgres.PostgresTestDatabase;
import io.airbyte.worker.state.DatabaseStatePersistence;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole path on Temporal's test environment: the connection workflow, the real worker activities
 * and our connectors as local processes move PostgreSQL → PostgreSQL, with state in the metadata
 * database; a second sync starts from it; a clear empties the destination and forgets the state.
 */
@ExtendWith(PostgresExtension.class)
@Timeout(300)
class SyncOnTemporalIT {

  @TempDir
  Path workspace;

  @Test
  void syncsIncrementallyThroughTheWorkflowsAndClears(PostgresTestDatabase db) throws Exception {
    db.execute("CREATE SCHEMA app",
        "CREATE TABLE app.events (id bigint PRIMARY KEY, kind text, updated_at timestamptz NOT NULL)",
        "INSERT INTO app.events SELECT g, 'k' || g, timestamptz '2024-01-01' + g * interval '1 minute' FROM generate_series(1, 1000) g");

    try (SyncPlatform platform = new SyncPlatform(db, workspace, RetrySettings.defaults(), true)) {
      ObjectNode sourceConfig = SyncPlatform.sourceConfig(db, "app");
      UUID sourceId = platform.actor(ActorType.SOURCE, "source-postgres", sourceConfig);
      UUID destinationId = platform.actor(ActorType.DESTINATION, "destination-postgres",
          SyncPlatform.destinationConfig(db, "landing"));
      assertThat(platform.actors.get(ActorType.SOURCE, sourceId).configuration().toString()).doesNotContain(db.password());

      AirbyteStream events = platform.discover(sourceConfig, "events");
      ConfiguredAirbyteStream configured = new ConfiguredAirbyteStream().withStream(events).withSyncMode(SyncMode.INCREMENTAL)
          .withCursorField(List.of("updated_at")).withDestinationSyncMode(DestinationSyncMode.APPEND_DEDUP)
          .withPrimaryKey(List.of(List.of("id")));
      UUID connection = platform.connection(sourceId, destinationId, List.of(configured));
      JobRepository jobs = platform.jobs;
      DatabaseStatePersistence state = platform.state;
      ConnectionWorkflows workflows = platform.workflows;

      workflows.signal(connection, ConnectionManagerWorkflow::syncNow);
      Job first = awaitJobs(jobs, connection, 1);
      assertThat(first.status()).as(String.valueOf(jobs.attempts(first.id()))).isEqualTo(JobStatus.SUCCEEDED);
      assertThat(count(db, "SELECT count(*) FROM landing.events")).isEqualTo(1000);
      assertThat(jobs.committedTotals(first.id())[0]).isEqualTo(1000);
      assertThat(state.current(connection.toString()).messages()).hasSize(1);

      db.execute("UPDATE app.events SET kind = 'changed', updated_at = now() WHERE id <= 5",
          "INSERT INTO app.events VALUES (1001, 'new', now())");
      workflows.signal(connection, ConnectionManagerWorkflow::syncNow);
      Job second = awaitJobs(jobs, connection, 2);
      assertThat(second.status()).isEqualTo(JobStatus.SUCCEEDED);
      // only what changed, plus at most the boundary rows
      assertThat(jobs.stats(second.id(), 0).get(0).recordsEmitted()).isBetween(6L, 8L);
      assertThat(count(db, "SELECT count(*) FROM landing.events")).isEqualTo(1001);
      assertThat(count(db, "SELECT count(*) FROM landing.events WHERE kind = 'changed'")).isEqualTo(5);

      // refresh: everything read again into a new generation; the old rows go once the new ones landed
      workflows.signal(connection, w -> w.refresh(List.of()));
      Job refreshed = awaitJobs(jobs, connection, 3);
      assertThat(refreshed.status()).as(String.valueOf(jobs.attempts(refreshed.id()))).isEqualTo(JobStatus.SUCCEEDED);
      assertThat(jobs.stats(refreshed.id(), 0).get(0).recordsEmitted()).isEqualTo(1001);
      assertThat(count(db, "SELECT count(*) FROM landing.events")).isEqualTo(1001);
      assertThat(count(db, "SELECT count(DISTINCT _airbyte_generation_id) FROM landing.events")).isEqualTo(1);
      assertThat(count(db, "SELECT max(_airbyte_generation_id) FROM landing.events")).isEqualTo(1);

      workflows.signal(connection, w -> w.clear(List.of()));
      Job cleared = awaitJobs(jobs, connection, 4);
      assertThat(cleared.status()).as(String.valueOf(jobs.attempts(cleared.id()))).isEqualTo(JobStatus.SUCCEEDED);
      assertThat(count(db, "SELECT count(*) FROM landing.events")).isZero();
      assertThat(state.current(connection.toString()).isEmpty()).isTrue();
    }
  }

  private static Job awaitJobs(JobRepository jobs, UUID connection, int n) throws InterruptedException {
    await(() -> {
      List<Job> list = jobs.list(connection, null, null, 10, 0);
      return list.size() == n && list.get(0).status().isTerminal();
    });
    return jobs.list(connection, null, null, 1, 0).get(0);
  }

  private static void await(BooleanSupplier condition) throws InterruptedException {
    long end = System.currentTimeMillis() + 120_000;
    while (!condition.getAsBoolean()) {
      if (System.currentTimeMillis() > end) {
        throw new AssertionError("not within 120 s");
      }
      Thread.sleep(100);
    }
  }

  private static long count(PostgresTestDatabase db, String sql) throws Exception {
    try (var c = db.connection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
