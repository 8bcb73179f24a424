package io.airbyte.scheduler;

import com.fasterxml.jackson.databind.JsonNode;
import io.airbyte.contract.connection.NamespaceDefinition;
import io.airbyte.contract.connector.ActorType;
import io.airbyte.contract.connector.ConnectorDefinition;
import io.airbyte.contract.connector.ConnectorRuntime;
import io.airbyte.contract.job.RetrySettings;
import io.airbyte.contract.schedule.Schedule;
import io.airbyte.db.MetadataDatabase;
import io.airbyte.db.actor.ActorRepository;
import io.airbyte.db.connection.Connection;
import io.airbyte.db.connection.ConnectionRepository;
import io.airbyte.db.definition.DefinitionRepository;
import io.airbyte.db.job.JobRepository;
import io.airbyte.db.workspace.WorkspaceRepository;
import io.airbyte.protocol.json.Jsons;
import io.airbyte.protocol.models.ConfiguredAirbyteCatalog;
import io.airbyte.scheduler.job.JobActivitiesImpl;
import io.airbyte.scheduler.reconcile.ConnectionWorkflows;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Temporal's test environment (time skipping), the real job activities on a real database, fake connectors. */
final class SchedulerHarness implements AutoCloseable {

  static final String SCHEDULER_QUEUE = "CONNECTION_UPDATER";
  static final String WORKER_QUEUE = "SYNC";

  final TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance();
  final FakeSyncActivities connectors = new FakeSyncActivities(env);
  final ConnectionRepository connections;
  final JobRepository jobs;
  final ConnectionWorkflows workflows;
  private final DataSource dataSource;

  SchedulerHarness(DataSource dataSource, RetrySettings retry, int maxFailedJobs) {
    this.dataSource = dataSource;
    MetadataDatabase.migrate(dataSource);
    connections = new ConnectionRepository(dataSource);
    jobs = new JobRepository(dataSource);
    SchedulerWorkers.register(env.getWorkerFactory(), SCHEDULER_QUEUE, new JobActivitiesImpl(connections, jobs, maxFailedJobs, retry));
    // heartbeats (and so cancellations) get through within a second, as on the real worker
    Worker worker = env.newWorker(WORKER_QUEUE, io.temporal.worker.WorkerOptions.newBuilder()
        .setMaxHeartbeatThrottleInterval(java.time.Duration.ofSeconds(1)).build());
    worker.registerActivitiesImplementations(connectors);
    env.start();
    workflows = new ConnectionWorkflows(env.getWorkflowClient(), SCHEDULER_QUEUE, WORKER_QUEUE);
  }

  UUID connection(Schedule schedule) {
    UUID workspace = new WorkspaceRepository(dataSource).ensureDefault().id();
    UUID definition = new DefinitionRepository(dataSource).registerBuiltIn(new ConnectorDefinition(
        UUID.fromString("dfd88b22-b603-4c3d-aad7-3701784586b1"), ActorType.SOURCE, "Faker", "dev", null, Jsons.object(), "0.2.0",
        true, null, null, new ConnectorRuntime.BuiltInJar("source-faker"))).id();
    ActorRepository actors = new ActorRepository(dataSource);
    UUID source = actors.create(workspace, definition, ActorType.SOURCE, "s", Jsons.object()).id();
    UUID destination = actors.create(workspace, definition, ActorType.DESTINATION, "d", Jsons.object()).id();
    return connections.create(new Connection(null, source, destination, "c", new ConfiguredAirbyteCatalog()
        .withStreams(java.util.List.of()), NamespaceDefinition.DESTINATION, null, "", schedule, "ignore", "active", null, null,
        null)).id();
  }

  /** A connection whose schedule columns hold {@code type} and {@code data} as they are, as a row written by hand would. */
  UUID connectionStoring(String type, JsonNode data) {
    UUID id = connection(Schedule.manual());
    JdbcClient.create(dataSource).sql("UPDATE connection SET schedule_type = :type, schedule_data = CAST(:data AS jsonb) WHERE id = :id")
        .param("type", type).param("data", data == null ? null : Jsons.serialize(data)).param("id", id).update();
    return id;
  }

  static Schedule basicHourly() {
    return new Schedule.Basic(1, Schedule.TimeUnit.HOURS);
  }

  @Override
  public void close() {
    env.close();
  }
}
