package io.airbyte.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.airbyte.contract.connection.ConnectionManagerWorkflow;
import io.airbyte.contract.job.JobStatus;
import io.airbyte.contract.job.JobType;
import io.airbyte.contract.job.RetrySettings;
import io.airbyte.contract.schedule.Schedule;
import io.airbyte.db.job.Job;
import io.airbyte.protocol.json.Jsons;
import io.airbyte.scheduler.reconcile.ConnectionWorkflows;
import io.airbyte.testsupport.postgres.PostgresExtension;
import io.airbyte.testsupport.postgres.PostgresTestDatabase;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionResponse;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Schedules stored in the database that the platform cannot compute or does not run (rows written
 * before the API refused them, or by hand): the connection's workflow treats them as "no scheduled
 * runs" with one logged error, never fails a workflow task or an activity in a loop, still runs a job
 * when asked, and ends when the connection is deleted. On Temporal's time-skipping environment, so
 * days pass in a moment and a loop would pile up.
 */
@ExtendWith(PostgresExtension.class)
@Timeout(180)
class StoredScheduleRefusalIT {

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

  static Stream<Arguments> storedSchedules() {
    return Stream.of(
        Arguments.of("every 0 hours", basic("{\"timeUnit\":\"hours\",\"units\":0}")),
        Arguments.of("every 99999999999 hours", basic("{\"timeUnit\":\"hours\",\"units\":99999999999}")),
        Arguments.of("every 10^30 minutes", basic("{\"timeUnit\":\"minutes\",\"units\":1000000000000000000000000000000}")),
        Arguments.of("every 400 days", basic("{\"timeUnit\":\"days\",\"units\":400}")),
        Arguments.of("every 2 fortnights", basic("{\"timeUnit\":\"fortnights\",\"units\":2}")),
        Arguments.of("basic without data", new StoredSchedule("basic", null)),
        Arguments.of("cron every second", cron("* * * * * ?", "UTC")),
        Arguments.of("cron every 30 s", cron("0/30 * * * * ?", "UTC")),
        Arguments.of("cron in an unknown zone", cron("0 0 12 * * ?", "Mars/Base")),
        Arguments.of("not a cron", cron("every day", "UTC")));
  }

  /** The schedule columns of a connection, as stored. */
  record StoredSchedule(String type, JsonNode data) {}

  private static StoredSchedule basic(String json) {
    return new StoredSchedule("basic", Jsons.deserialize("{\"basicSchedule\":" + json + "}"));
  }

  private static StoredSchedule cron(String expression, String zone) {
    return new StoredSchedule("cron", Jsons.deserialize("{\"cron\":{\"cronExpression\":" + Jsons.serialize(expression)
        + ",\"cronTimeZone\":" + Jsons.serialize(zone) + "}}"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("storedSchedules")
  void aStoredScheduleThePlatformDoesNotRunMeansNoScheduledRunsNeverAFailingLoop(String name, StoredSchedule schedule)
      throws Exception {
    h = new SchedulerHarness(dataSource, RetrySettings.defaults(), 3);
    UUID connection = h.connectionStoring(schedule.type(), schedule.data());
    String logged;
    try (Capture err = Capture.stderr()) {
      h.workflows.ensureStarted(connection);
      await(() -> h.workflows.isRunning(connection) && !h.workflows.state(connection).jobRunning()
          && describe(connection).getPendingActivitiesCount() == 0);
      h.env.sleep(Duration.ofDays(3));
      logged = err.text();
    }

    assertThat(jobs(connection)).as("no scheduled job").isEmpty();
    assertThat(h.workflows.state(connection).nextRunMillis()).isNull();
    assertNoFailureLoop(connection);
    assertThat(logged.lines().filter(l -> l.contains(connection.toString()) && l.contains("no scheduled runs")))
        .as("one logged error, not one per retry").hasSize(1);

    // a job asked for still runs
    h.workflows.signal(connection, ConnectionManagerWorkflow::syncNow);
    await(() -> jobs(connection).size() == 1 && jobs(connection).get(0).status().isTerminal());
    assertThat(jobs(connection).get(0).status()).isEqualTo(JobStatus.SUCCEEDED);

    // and a deleted connection's workflow ends
    h.connections.setStatus(connection, "deprecated", null);
    h.workflows.signal(connection, ConnectionManagerWorkflow::connectionDeleted);
    await(() -> !h.workflows.isRunning(connection));
    assertNoFailureLoop(connection);
  }

  @Test
  void aRunYearsAheadIsWaitedForInSeveralTimers() throws Exception {
    h = new SchedulerHarness(dataSource, RetrySettings.defaults(), 3);
    UUID connection = h.connection(new Schedule.Cron("0 0 0 1 1 ? 2099", "UTC"));
    h.workflows.ensureStarted(connection);
    await(() -> h.workflows.isRunning(connection) && h.workflows.state(connection).nextRunMillis() != null);
    assertThat(h.workflows.state(connection).nextRunMillis()).isEqualTo(java.time.Instant.parse("2099-01-01T00:00:00Z").toEpochMilli());

    h.env.sleep(Duration.ofDays(100));
    await(() -> h.workflows.state(connection).nextRunMillis() != null);
    assertThat(jobs(connection)).isEmpty();
    assertNoFailureLoop(connection);
  }

  @Test
  void aJobTheApiCreatedRunsAsItsOwnType() throws Exception {
    h = new SchedulerHarness(dataSource, RetrySettings.defaults(), 3);
    UUID connection = h.connection(SchedulerHarness.basicHourly());
    h.workflows.ensureStarted(connection);
    await(() -> jobs(connection).size() == 1 && jobs(connection).get(0).status().isTerminal());
    await(() -> h.workflows.state(connection).nextRunMillis() != null);

    // as the API does: the job in the database first (exactly one of requests at once gets it), then the signal
    Job reset = h.jobs.createUnlessUnfinished(connection, JobType.RESET, Jsons.deserialize("{\"streams\":[]}")).orElseThrow();
    assertThat(h.jobs.createUnlessUnfinished(connection, JobType.SYNC, null)).as("one unfinished job per connection").isEmpty();
    h.workflows.signal(connection, ConnectionManagerWorkflow::jobCreated);
    await(() -> h.jobs.get(reset.id()).status().isTerminal());

    assertThat(h.jobs.get(reset.id()).status()).isEqualTo(JobStatus.SUCCEEDED);
    assertThat(h.connectors.replicated).filteredOn(in -> in.jobId() == reset.id()).singleElement()
        .satisfies(in -> assertThat(in.jobType()).isEqualTo(JobType.RESET));
    assertThat(jobs(connection)).hasSize(2);
    assertNoFailureLoop(connection);
  }

  private void assertNoFailureLoop(UUID connection) {
    String id = ConnectionWorkflows.workflowId(connection);
    List<EventType> failures = List.of(EventType.EVENT_TYPE_WORKFLOW_TASK_FAILED, EventType.EVENT_TYPE_WORKFLOW_TASK_TIMED_OUT,
        EventType.EVENT_TYPE_ACTIVITY_TASK_FAILED, EventType.EVENT_TYPE_ACTIVITY_TASK_TIMED_OUT,
        EventType.EVENT_TYPE_WORKFLOW_EXECUTION_FAILED);
    List<HistoryEvent> events = h.env.getWorkflowClient().fetchHistory(id).getEvents();
    assertThat(events).as("history of %s", id).noneMatch(e -> failures.contains(e.getEventType()));
    DescribeWorkflowExecutionResponse described = describe(connection);
    assertThat(described.getPendingActivitiesList()).as("activities retried").allMatch(a -> a.getAttempt() <= 1);
    if (described.hasPendingWorkflowTask()) {
      assertThat(described.getPendingWorkflowTask().getAttempt()).as("workflow task retried").isLessThanOrEqualTo(1);
    }
  }

  private DescribeWorkflowExecutionResponse describe(UUID connection) {
    return h.env.getWorkflowServiceStubs().blockingStub().describeWorkflowExecution(DescribeWorkflowExecutionRequest.newBuilder()
        .setNamespace(h.env.getNamespace())
        .setExecution(WorkflowExecution.newBuilder().setWorkflowId(ConnectionWorkflows.workflowId(connection)))
        .build());
  }

  private List<Job> jobs(UUID connection) {
    return h.jobs.list(connection, null, null, 100, 0);
  }

  private static void await(BooleanSupplier condition) throws InterruptedException {
    long end = System.currentTimeMillis() + 60_000;
    while (!condition.getAsBoolean()) {
      if (System.currentTimeMillis() > end) {
        throw new AssertionError("condition not met within 60 s");
      }
      Thread.sleep(50);
    }
  }

  /** What is written to stderr (where the scheduler's SLF4J logs go in these tests), still shown there. */
  private static final class Capture implements AutoCloseable {
    private final PrintStream original = System.err;
    private final ByteArrayOutputStream copy = new ByteArrayOutputStream();

    static Capture stderr() {
      Capture capture = new Capture();
      System.setErr(new PrintStream(new OutputStream() {
        @Override
        public synchronized void write(int b) {
          capture.copy.write(b);
          capture.original.write(b);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
          capture.copy.write(b, off, len);
          capture.original.write(b, off, len);
        }
      }, true, StandardCharsets.UTF_8));
      return capture;
    }

    synchronized String text() {
      return copy.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
      System.setErr(original);
    }
  }
}
