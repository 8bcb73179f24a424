package io.airbyte.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import io.airbyte.contract.connection.ConnectionManagerWorkflow;
import io.airbyte.contract.job.AttemptStatus;
import io.airbyte.contract.job.JobStatus;
import io.airbyte.contract.job.JobType;
import io.airbyte.contract.job.RetrySettings;
import io.airbyte.contract.schedule.Schedule;
import io.airbyte.contract.sync.StreamRef;
import io.airbyte.db.job.Attempt;
import io.airbyte.db.job.Job;
import io.airbyte.scheduler.reconcile.ConnectionWorkflows;
import io.airbyte.scheduler.reconcile.Reconciler;
import io.airbyte.testsupport.postgres.PostgresExtension;
import io.airbyte.testsupport.postgres.PostgresTestDatabase;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** The connection workflow on Temporal's test environment with time skipping, against a real metadata database. */
@ExtendWith(PostgresExtension.class)
@Timeout(120)
class ConnectionManagerWorkflowIT {

  static DataSource dataSource;
  private SchedulerHarness h;

  @BeforeAll
  static void database(PostgresTestDatabase db) {
    dataSource = db.dataSource();
  }

  @AfterEach
  void close() {
    if (h != null) {
      h.close();
    }
  }

  private SchedulerHarness harness(RetrySettings retry, int maxFailedJobs) {
    h = new SchedulerHarness(dataSource, retry, maxFailedJobs);
    return h;
  }

  private List<Job> jobs(UUID connection) {
    return h.jobs.list(connection, null, null, 100, 0);
  }

  private void await(BooleanSupplier condition) throws InterruptedException {
    long end = System.currentTimeMillis() + 60_000;
    while (!condition.getAsBoolean()) {
      if (System.currentTimeMillis() > end) {
        throw new AssertionError("condition not met within 60 s");
      }
      Thread.sleep(50);
    }
  }

  @Test
  void basicScheduleRunsOneJobPerInterval() throws Exception {
    harness(RetrySettings.defaults(), 3);
    UUID connection = h.connection(SchedulerHarness.basicHourly());
    h.workflows.ensureStarted(connection);

    await(() -> jobs(connection).size() == 1 && jobs(connection).get(0).status() == JobStatus.SUCCEEDED);
    h.env.sleep(Duration.ofMinutes(150));
    await(() -> jobs(connection).size() >= 3);

    List<Job> jobs = jobs(connection);
    assertThat(jobs).hasSize(3).allMatch(j -> j.status() == JobStatus.SUCCEEDED && j.type() == JobType.SYNC);
    List<Long> times = h.connectors.replicatedAtMillis;
    assertThat(times.get(1) - times.get(0)).isBetween(Duration.ofMinutes(59).toMillis(), Duration.ofMinutes(61).toMillis());
    assertThat(h.workflows.state(connection).nextRunMillis()).isNotNull();
  }

  @Test
  void cronScheduleFiresAtItsTimes() throws Exception {
    harness(RetrySettings.defaults(), 3);
    UUID connection = h.connection(new Schedule.Cron("0 0 * * * ?", "Europe/Paris"));
    h.workflows.ensureStarted(connection);
    await(() -> h.workflows.state(connection).nextRunMillis() != null);
    long next = h.workflows.state(connection).nextRunMillis();
    assertThat(next % Duration.ofHours(1).toMillis()).isZero();
    assertThat(jobs(connection)).isEmpty();

    h.env.sleep(Duration.ofMinutes(125));
    await(() -> h.connectors.replicated.stream().filter(s -> s.connectionId().equals(connection)).count() >= 2);

    for (Long at : h.connectors.replicatedAtMillis) {
      assertThat(at % Duration.ofHours(1).toMillis()).isLessThan(Duration.ofMinutes(1).toMillis());
    }
  }

  @Test
  void manualConnectionsRunOnlyWhenAskedAndSyncNowDuringAJobStartsNoOther() throws Exception {
    harness(RetrySettings.defaults(), 3);
    UUID connection = h.connection(Schedule.manual());
    CountDownLatch release = new CountDownLatch(1);
    h.connectors.script.add(in -> {
      try {
        release.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return FakeSyncActivities.success();
    });
    h.workflows.ensureStarted(connection);
    h.env.sleep(Duration.ofDays(2));
    assertThat(jobs(connection)).isEmpty();

    h.workflows.signal(connection, ConnectionManagerWorkflow::syncNow);
    await(() -> h.workflows.state(connection).jobRunning());
    h.workflows.signal(connection, ConnectionManagerWorkflow::syncNow);
    h.workflows.signal(connection, ConnectionManagerWorkflow::syncNow);
    release.countDown();
    await(() -> !jobs(connection).isEmpty() && jobs(connection).get(0).status() == JobStatus.SUCCEEDED);
    h.env.sleep(Duration.ofHours(1));

    assertThat(jobs(connection)).hasSize(1);
  }

  @Test
  void cancelStopsTheRunningAttempt() throws Exception {
    harness(RetrySettings.defaults(), 3);
    UUID connection = h.connection(Schedule.manual());
    h.connectors.script.add(FakeSyncActivities::runUntilCancelled);
    h.workflows.signal(connection, ConnectionManagerWorkflow::syncNow);
    await(() -> h.workflows.state(connection).jobRunning() && !h.connectors.replicated.isEmpty());

    h.workflows.signal(connection, ConnectionManagerWorkflow::cancelJob);
    await(() -> !jobs(connection).isEmpty() && jobs(connection).get(0).status().isTerminal());

    Job job = jobs(connection).get(0);
    assertThat(job.status()).isEqualTo(JobStatus.CANCELLED);
    assertThat(h.jobs.attempts(job.id())).extracting(Attempt::status).containsExactly(AttemptStatus.CANCELLED);
  }

  @Test
  void failedAttemptsAreRetriedWithBackoffAndProgressResetsIt() throws Exception {
    harness(new RetrySettings(10, 3, 10, 3, 1800), 3);
    UUID connection = h.connection(Schedule.manual());
    h.connectors.script.add(FakeSyncActivities.failing(true, false));
    h.connectors.script.add(FakeSyncActivities.failing(true, false));
    h.connectors.script.add(FakeSyncActivities.failing(true, true));
    h.connectors.script.add(FakeSyncActivities.failing(true, false));
    h.workflows.signal(connection, ConnectionManagerWorkflow::syncNow);

    await(() -> !jobs(connection).isEmpty() && jobs(connection).get(0).status().isTerminal());

    Job job = jobs(connection).get(0);
    assertThat(job.status()).isEqualTo(JobStatus.SUCCEEDED);
    assertThat(h.jobs.attempts(job.id())).extracting(Attempt::status).containsExactly(AttemptStatus.FAILED,
        AttemptStatus.FAILED, AttemptStatus.FAILED, AttemptStatus.FAILED, AttemptStatus.SUCCEEDED);
    List<Long> t = h.connectors.replicatedAtMillis;
    // 10 s, then 30 s; the third attempt committed data: the fourth starts at once; then 10 s again.
    // The gaps are on the test server's clock: a backoff timer is never shorter than asked, and the
    // time an attempt itself takes (real time, more under load) stays far below the next backoff step
    // (each bound below is the next step's), so a wrong multiplier or a missing reset still fails.
    assertThat(t.get(1) - t.get(0)).isGreaterThanOrEqualTo(10_000L).isLessThan(30_000L);
    assertThat(t.get(2) - t.get(1)).isGreaterThanOrEqualTo(30_000L).isLessThan(90_000L);
    assertThat(t.get(3) - t.get(2)).isLessThan(10_000L);
    assertThat(t.get(4) - t.get(3)).isGreaterThanOrEqualTo(10_000L).isLessThan(30_000L);
    assertThat(h.jobs.attempt(job.id(), 0).failureSummary().at("/failures/0/externalMessage").asText()).isEqualTo("boom");
  }

  @Test
  void aJobEndsFailedAtMaxAttemptsEvenWhenEveryAttemptCommittedData() throws Exception {
    harness(new RetrySettings(3, 100, 1, 1, 1), 3);
    UUID connection = h.connection(Schedule.manual());
    for (int i = 0; i < 5; i++) {
      h.connectors.script.add(FakeSyncActivities.failing(true, true));
    }
    h.workflows.signal(connection, ConnectionManagerWorkflow::syncNow);

    await(() -> !jobs(connection).isEmpty() && jobs(connection).get(0).status().isTerminal());

    Job job = jobs(connection).get(0);
    assertThat(job.status()).isEqualTo(JobStatus.FAILED);
    assertThat(h.jobs.attempts(job.id())).extracting(Attempt::status)
        .containsExactly(AttemptStatus.FAILED, AttemptStatus.FAILED, AttemptStatus.FAILED);
    assertThat(h.connectors.replicated).hasSize(3);
    assertThat(h.connectors.script).hasSize(2);
  }

  @Test
  void aJobEndsFailedAfterMaxSuccessiveFailuresWithoutProgressAndProgressResetsTheCount() throws Exception {
    harness(new RetrySettings(100, 3, 1, 1, 1), 3);
    UUID connection = h.connection(Schedule.manual());
    // two failures without progress, one with, then three without: the count starts again after the third
    h.connectors.script.add(FakeSyncActivities.failing(true, false));
    h.connectors.script.add(FakeSyncActivities.failing(true, false));
    h.connectors.script.add(FakeSyncActivities.failing(true, true));
    for (int i = 0; i < 5; i++) {
      h.connectors.script.add(FakeSyncActivities.failing(true, false));
    }
    h.workflows.signal(connection, ConnectionManagerWorkflow::syncNow);

    await(() -> !jobs(connection).isEmpty() && jobs(connection).get(0).status().isTerminal());

    Job job = jobs(connection).get(0);
    assertThat(job.status()).isEqualTo(JobStatus.FAILED);
    assertThat(h.jobs.attempts(job.id())).hasSize(6).extracting(Attempt::status).containsOnly(AttemptStatus.FAILED);
    assertThat(h.connectors.replicated).hasSize(6);
    assertThat(h.connectors.script).hasSize(2);
  }

  @Test
  void aConfigErrorDuringReplicationIsNotRetried() throws Exception {
    harness(RetrySettings.defaults(), 3);
    UUID connection = h.connection(Schedule.manual());
    // the checks pass; the attempt itself fails with a config error (not retryable); a retry would succeed
    h.connectors.script.add(FakeSyncActivities.failing(false, false));
    h.connectors.script.add(in -> FakeSyncActivities.success());
    h.workflows.signal(connection, ConnectionManagerWorkflow::syncNow);

    await(() -> !jobs(connection).isEmpty() && jobs(connection).get(0).status().isTerminal());

    Job job = jobs(connection).get(0);
    assertThat(job.status()).isEqualTo(JobStatus.FAILED);
    assertThat(h.jobs.attempts(job.id())).extracting(Attempt::status).containsExactly(AttemptStatus.FAILED);
    assertThat(h.jobs.attempt(job.id(), 0).failureSummary().at("/failures/0/failureType").asText()).isEqualTo("config_error");
    assertThat(h.connectors.replicated).hasSize(1);
    assertThat(h.connectors.script).hasSize(1);
  }

  @Test
  void aConfigErrorIsNotRetriedAndRepeatedFailuresDisableTheConnection() throws Exception {
    harness(RetrySettings.defaults(), 2);
    UUID connection = h.connection(Schedule.manual());
    h.connectors.sourceCheckFails = true;

    for (int i = 1; i <= 2; i++) {
      int expected = i;
      h.workflows.signal(connection, ConnectionManagerWorkflow::syncNow);
      await(() -> jobs(connection).size() == expected && jobs(connection).get(0).status().isTerminal());
    }

    Job job = jobs(connection).get(0);
    assertThat(job.status()).isEqualTo(JobStatus.FAILED);
    assertThat(h.jobs.attempts(job.id())).hasSize(1);
    assertThat(h.jobs.attempt(job.id(), 0).failureSummary().at("/failures/0/failureType").asText()).isEqualTo("config_error");
    await(() -> h.connections.get(connection).status().equals("inactive"));
    assertThat(h.connections.get(connection).statusReason()).contains("2 failed jobs in a row");
    assertThat(h.connectors.replicated).isEmpty();
  }

  @Test
  void aSyncNowSentTheMomentAJobShowsItsEndStartsTheNextJob() throws Exception {
    harness(RetrySettings.defaults(), 3);
    UUID connection = h.connection(Schedule.manual());
    for (int i = 1; i <= 15; i++) {
      int expected = i;
      h.workflows.signal(connection, ConnectionManagerWorkflow::syncNow);
      await(() -> jobs(connection).size() == expected && jobs(connection).get(0).status().isTerminal());
    }
    assertThat(jobs(connection)).hasSize(15).allMatch(j -> j.status() == JobStatus.SUCCEEDED);
  }

  @Test
  void eachJobContinuesAsNew() throws Exception {
    harness(RetrySettings.defaults(), 3);
    UUID connection = h.connection(Schedule.manual());
    h.workflows.ensureStarted(connection);
    String firstRun = h.env.getWorkflowClient().newUntypedWorkflowStub(ConnectionWorkflows.workflowId(connection))
        .describe().getExecution().getRunId();
    assertThat(h.workflows.diagnose(connection)).contains("run " + firstRun, "WORKFLOW_EXECUTION_STATUS_RUNNING", "jobRunning=false");

    h.workflows.signal(connection, ConnectionManagerWorkflow::syncNow);
    await(() -> !jobs(connection).isEmpty() && jobs(connection).get(0).status().isTerminal());
    await(() -> !h.env.getWorkflowClient().newUntypedWorkflowStub(ConnectionWorkflows.workflowId(connection))
        .describe().getExecution().getRunId().equals(firstRun));
    h.workflows.signal(connection, ConnectionManagerWorkflow::syncNow);
    await(() -> jobs(connection).size() == 2 && jobs(connection).get(0).status().isTerminal());
  }

  @Test
  void clearAndRefreshRunJobsOfTheirType() throws Exception {
    harness(RetrySettings.defaults(), 3);
    UUID connection = h.connection(Schedule.manual());
    h.workflows.signal(connection, w -> w.clear(List.of(new StreamRef("public", "users"))));
    await(() -> jobs(connection).size() == 1 && jobs(connection).get(0).status().isTerminal());
    h.workflows.signal(connection, w -> w.refresh(List.of()));
    await(() -> jobs(connection).size() == 2 && jobs(connection).get(0).status().isTerminal());

    assertThat(jobs(connection)).extracting(Job::type).containsExactly(JobType.REFRESH, JobType.CLEAR);
    assertThat(h.connectors.replicated.get(0).streams()).containsExactly(new StreamRef("public", "users"));
    assertThat(jobs(connection).get(1).config().at("/streams/0/name").asText()).isEqualTo("users");
  }

  @Test
  void anUpdatedScheduleIsFollowedAndADeletedConnectionEndsItsWorkflow() throws Exception {
    harness(RetrySettings.defaults(), 3);
    UUID connection = h.connection(Schedule.manual());
    h.workflows.ensureStarted(connection);
    h.env.sleep(Duration.ofHours(5));
    assertThat(jobs(connection)).isEmpty();

    var c = h.connections.get(connection);
    h.connections.update(new io.airbyte.db.connection.Connection(c.id(), c.sourceId(), c.destinationId(), c.name(), c.catalog(),
        c.namespaceDefinition(), c.namespaceFormat(), c.prefix(), SchedulerHarness.basicHourly(),
        c.nonBreakingChangePreference(), c.status(), null, null, null));
    h.workflows.signal(connection, ConnectionManagerWorkflow::connectionUpdated);
    await(() -> jobs(connection).size() == 1 && jobs(connection).get(0).status().isTerminal());

    h.connections.setStatus(connection, "deprecated", null);
    h.workflows.signal(connection, ConnectionManagerWorkflow::connectionDeleted);
    await(() -> !h.workflows.isRunning(connection));
    h.env.sleep(Duration.ofHours(3));
    assertThat(jobs(connection)).hasSize(1);
  }

  @Test
  void theReconcilerFailsAttemptsOfALostWorkflowAndTheJobGoesOn() throws Exception {
    harness(RetrySettings.defaults(), 3);
    UUID connection = h.connection(Schedule.manual());
    // as left by a workflow that died with the in-memory Temporal server
    Job job = h.jobs.createOrGetUnfinished(connection, JobType.SYNC, null);
    h.jobs.startAttempt(job.id(), 0, null);

    Reconciler reconciler = new Reconciler(h.connections, h.jobs, h.workflows, Clock.systemUTC());
    assertThat(reconciler.reconcile()).isGreaterThanOrEqualTo(1);
    await(() -> h.jobs.get(job.id()).status().isTerminal());

    assertThat(h.jobs.get(job.id()).status()).isEqualTo(JobStatus.SUCCEEDED);
    List<Attempt> attempts = h.jobs.attempts(job.id());
    assertThat(attempts).extracting(Attempt::status).containsExactly(AttemptStatus.FAILED, AttemptStatus.SUCCEEDED);
    assertThat(attempts.get(0).failureSummary().at("/failures/0/externalMessage").asText()).contains("lost track");
    // running again finds everything in place
    assertThat(reconciler.reconcile()).isZero();
  }
}
