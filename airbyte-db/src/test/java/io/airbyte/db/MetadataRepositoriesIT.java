package io.airbyte.db;

import io.airbyte.contract.connector.ActorType;
import io.airbyte.contract.connector.ConnectorDefinition;
import io.airbyte.contract.connector.ConnectorRuntime.BuiltInJar;
import io.airbyte.contract.connector.ConnectorRuntime.DockerImage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.airbyte.contract.connection.NamespaceDefinition;
import io.airbyte.contract.connector.ActorType;
import io.airbyte.contract.job.AttemptStatus;
import io.airbyte.contract.job.JobStatus;
import io.airbyte.contract.job.JobType;
import io.airbyte.contract.schedule.Schedule;
import io.airbyte.contract.stats.StreamStatistics;
import io.airbyte.db.actor.Actor;
import io.airbyte.db.actor.ActorRepository;
import io.airbyte.db.connection.Connection;
import io.airbyte.db.connection.ConnectionRepository;
import io.airbyte.db.definition.DefinitionRepository;
import io.airbyte.db.job.Job;
import io.airbyte.db.job.JobRepository;
import io.airbyte.db.secret.SecretCipher;
import io.airbyte.db.secret.SecretRepository;
import io.airbyte.db.secret.SecretSplitter;
import io.airbyte.db.state.StateRepository;
import io.airbyte.db.state.StreamGenerationRepository;
import io.airbyte.db.workspace.Workspace;
import io.airbyte.db.workspace.WorkspaceRepository;
import io.airbyte.protocol.json.Jsons;
import io.airbyte.protocol.models.AirbyteStateMessage;
import io.airbyte.protocol.models.ConfiguredAirbyteCatalog;
import io.airbyte.protocol.models.StreamDescriptor;
import io.airbyte.testsupport.postgres.PostgresExtension;
import io.airbyte.testsupport.postgres.PostgresTestDatabase;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The migrations and repositories against a real PostgreSQL. */
@ExtendWith(PostgresExtension.class)
class MetadataRepositoriesIT {

  static final UUID SOURCE_POSTGRES = UUID.fromString("decd338e-5647-4c0b-adf4-da0e75f5a750");
  static final JsonNode SPEC = Jsons.deserialize("{\"connectionSpecification\":{\"type\":\"object\",\"properties\":{"
      + "\"host\":{\"type\":\"string\"},\"password\":{\"type\":\"string\",\"airbyte_secret\":true},"
      + "\"tunnel\":{\"type\":\"object\",\"oneOf\":[{\"properties\":{\"method\":{\"const\":\"NO\"}}},"
      + "{\"properties\":{\"method\":{\"const\":\"KEY\"},\"key\":{\"type\":\"string\",\"airbyte_secret\":true}}}]}}}}");

  static DataSource dataSource;
  static Workspace workspace;

  @BeforeAll
  static void migrate(PostgresTestDatabase db) {
    dataSource = db.dataSource();
    MetadataDatabase.migrate(dataSource);
    // migrating again is a no-op
    assertThat(MetadataDatabase.migrate(dataSource).migrationsExecuted).isZero();
    workspace = new WorkspaceRepository(dataSource).ensureDefault();
  }

  @Test
  void oneDefaultWorkspaceWhateverTheStarts() {
    WorkspaceRepository workspaces = new WorkspaceRepository(dataSource);
    Workspace again = workspaces.ensureDefault();
    assertThat(again.id()).isEqualTo(workspace.id());
    Workspace other = workspaces.create("Team B", "b@example.com");
    assertThat(workspaces.update(other.id(), "Team Bee", null).name()).isEqualTo("Team Bee");
    workspaces.delete(other.id());
    assertThat(workspaces.find(other.id())).isEmpty();
    assertThat(workspaces.list(true, 10, 0)).extracting(Workspace::id).contains(other.id());
    assertThatThrownBy(() -> workspaces.get(UUID.randomUUID())).isInstanceOf(NotFoundException.class);
  }

  /** source-postgres as the worker registers it: our jar, at {@code version}. */
  static ConnectorDefinition sourcePostgres(String version, String documentationUrl) {
    return new ConnectorDefinition(SOURCE_POSTGRES, ActorType.SOURCE, "Postgres", version, documentationUrl, SPEC, "0.2.0", true,
        null, null, new BuiltInJar("source-postgres"));
  }

  @Test
  void builtInDefinitionsRegisterIdempotentlyAndMoveToNewTags() {
    DefinitionRepository definitions = new DefinitionRepository(dataSource);
    ConnectorDefinition first = definitions.registerBuiltIn(sourcePostgres("dev",
        "https://docs.airbyte.com/integrations/sources/postgres"));
    ConnectorDefinition again = definitions.registerBuiltIn(sourcePostgres("dev",
        "https://docs.airbyte.com/integrations/sources/postgres"));
    assertThat(again.versionId()).isEqualTo(first.versionId());
    assertThat(again.image().reference()).isEqualTo("airbyte/source-postgres:dev");
    ConnectorDefinition moved = definitions.registerBuiltIn(sourcePostgres("1.0.0", null));
    assertThat(moved.version()).isEqualTo("1.0.0");
    assertThat(moved.versionId()).isNotEqualTo(first.versionId());

    ConnectorDefinition custom = definitions.createCustom(new ConnectorDefinition(UUID.randomUUID(), ActorType.SOURCE, "My API",
        "0.1", null, SPEC, "0.2.0", false, workspace.id(), null, new DockerImage("acme/source-api", "0.1")));
    assertThat(definitions.list(ActorType.SOURCE, workspace.id())).extracting(ConnectorDefinition::id)
        .contains(SOURCE_POSTGRES, custom.id());
    assertThat(definitions.list(ActorType.SOURCE, null)).extracting(ConnectorDefinition::id).doesNotContain(custom.id());
    assertThat(definitions.list(ActorType.DESTINATION, workspace.id())).extracting(ConnectorDefinition::id)
        .doesNotContain(SOURCE_POSTGRES);
    assertThat(definitions.list(ActorType.SOURCE, workspace.id())).extracting(ConnectorDefinition::runtime)
        .contains(new DockerImage("acme/source-api", "0.1"));
  }

  @Test
  void aDeclarativeManifestIsStoredAsItsRuntimeAndANewVersionBecomesTheDefault() {
    DefinitionRepository definitions = new DefinitionRepository(dataSource);
    JsonNode manifest = Jsons.deserialize("{\"version\":\"6.61.6\",\"type\":\"DeclarativeSource\",\"streams\":[]}");
    var runtime = new io.airbyte.contract.connector.ConnectorRuntime.DeclarativeManifest(manifest, "6.61.6");
    ConnectorDefinition first = definitions.createCustom(new ConnectorDefinition(UUID.randomUUID(), ActorType.SOURCE, "Items",
        "1", null, SPEC, "0.2.0", false, workspace.id(), null, runtime));
    assertThat(definitions.get(first.id()).runtime()).isEqualTo(runtime);

    JsonNode edited = Jsons.deserialize("{\"version\":\"6.61.6\",\"type\":\"DeclarativeSource\",\"streams\":[{}]}");
    var newer = new io.airbyte.contract.connector.ConnectorRuntime.DeclarativeManifest(edited, "6.61.6");
    ConnectorDefinition second = definitions.addCustomVersion(new ConnectorDefinition(first.id(), ActorType.SOURCE, "Items v2",
        "2", null, SPEC, "0.2.0", false, workspace.id(), null, newer));
    assertThat(second.version()).isEqualTo("2");
    assertThat(second.name()).isEqualTo("Items v2");
    assertThat(second.versionId()).isNotEqualTo(first.versionId());
    assertThat(definitions.get(first.id()).runtime()).isEqualTo(newer);

    definitions.delete(first.id());
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> definitions.addCustomVersion(second))
        .isInstanceOf(io.airbyte.db.NotFoundException.class);
  }

  @Test
  void secretsAreStoredApartAndComeBack() {
    SecretRepository secretRows = new SecretRepository(dataSource, new SecretCipher(new byte[32]));
    SecretSplitter secrets = new SecretSplitter(secretRows);
    JsonNode config = Jsons.deserialize("{\"host\":\"db\",\"password\":\"hunter2\",\"tunnel\":{\"method\":\"KEY\",\"key\":\"PEM\"}}");

    JsonNode stored = secrets.split(workspace.id(), SPEC.get("connectionSpecification"), config);

    assertThat(stored.toString()).doesNotContain("hunter2").doesNotContain("PEM");
    assertThat(SecretSplitter.isReference(stored.get("password"))).isTrue();
    assertThat(SecretSplitter.isReference(stored.at("/tunnel/key"))).isTrue();
    assertThat(SecretSplitter.coordinates(stored)).hasSize(2);
    assertThat(secrets.hydrate(stored)).isEqualTo(config);
    // encrypted at rest
    String raw = org.springframework.jdbc.core.simple.JdbcClient.create(dataSource).sql("SELECT value FROM secret WHERE coordinate = :c")
        .param("c", stored.get("password").get("_secret").asText()).query(String.class).single();
    assertThat(raw).startsWith("v1:").doesNotContain("hunter2");
    assertThat(new SecretCipher(new byte[32]).decrypt(raw)).isEqualTo("hunter2");
    // splitting a stored configuration again keeps its references
    assertThat(secrets.split(workspace.id(), SPEC.get("connectionSpecification"), stored)).isEqualTo(stored);

    ActorRepository actors = new ActorRepository(dataSource);
    DefinitionRepository definitions = new DefinitionRepository(dataSource);
    UUID definition = definitions.registerBuiltIn(sourcePostgres("dev", null)).id();
    Actor actor = actors.create(workspace.id(), definition, ActorType.SOURCE, "prod db", stored);
    assertThat(actors.get(ActorType.SOURCE, actor.id()).configuration()).isEqualTo(stored);
    assertThat(actors.find(ActorType.DESTINATION, actor.id())).isEmpty();
    assertThat(actors.list(ActorType.SOURCE, List.of(workspace.id()), false, 10, 0)).extracting(Actor::id).contains(actor.id());
    assertThat(actors.update(ActorType.SOURCE, actor.id(), "renamed", stored).name()).isEqualTo("renamed");
    actors.delete(ActorType.SOURCE, actor.id());
    assertThat(actors.find(ActorType.SOURCE, actor.id())).isEmpty();
  }

  private Connection connection() {
    ActorRepository actors = new ActorRepository(dataSource);
    UUID definition = new DefinitionRepository(dataSource).registerBuiltIn(sourcePostgres("dev", null)).id();
    Actor source = actors.create(workspace.id(), definition, ActorType.SOURCE, "s", Jsons.object());
    Actor destination = actors.create(workspace.id(), definition, ActorType.DESTINATION, "d", Jsons.object());
    ConfiguredAirbyteCatalog catalog = Jsons.deserialize("{\"streams\":[{\"stream\":{\"name\":\"users\",\"namespace\":\"public\","
        + "\"json_schema\":{},\"supported_sync_modes\":[\"full_refresh\"]},\"sync_mode\":\"full_refresh\","
        + "\"destination_sync_mode\":\"overwrite\",\"selected_fields\":[\"id\"]}]}", ConfiguredAirbyteCatalog.class);
    return new ConnectionRepository(dataSource).create(new Connection(null, source.id(), destination.id(), "s → d", catalog,
        NamespaceDefinition.DESTINATION, null, "pg_", new Schedule.Basic(24, Schedule.TimeUnit.HOURS),
        "ignore", "active", null, null, null));
  }

  @Test
  void connectionsKeepTheirCatalogFieldSelectionAndSchedule() {
    ConnectionRepository connections = new ConnectionRepository(dataSource);
    Connection c = connection();

    Connection read = connections.get(c.id());
    assertThat(read.catalog().getStreams().get(0).getAdditionalProperties()).containsKey(Connection.SELECTED_FIELDS);
    assertThat(((Schedule.Basic) read.schedule()).units()).isEqualTo(24);
    assertThat(read.prefix()).isEqualTo("pg_");
    assertThat(connections.list(List.of(workspace.id()), false, 100, 0)).extracting(Connection::id).contains(c.id());
    assertThat(connections.liveIds()).contains(c.id());
    // the workspaces of a page's sources in one query; a source deleted since has none
    ActorRepository actors = new ActorRepository(dataSource);
    assertThat(actors.workspaceIds(ActorType.SOURCE, List.of(c.sourceId(), c.destinationId())))
        .containsExactly(java.util.Map.entry(c.sourceId(), workspace.id()));
    assertThat(actors.workspaceIds(ActorType.SOURCE, List.of())).isEmpty();

    connections.setStatus(c.id(), "inactive", "3 failed jobs in a row");
    assertThat(connections.get(c.id()).statusReason()).isEqualTo("3 failed jobs in a row");
    connections.setStatus(c.id(), "deprecated", null);
    assertThatThrownBy(() -> connections.get(c.id())).isInstanceOf(NotFoundException.class);
    assertThat(connections.find(c.id())).isPresent();
    assertThat(connections.liveIds()).doesNotContain(c.id());
  }

  @Test
  void schedulesAndEnumsKeepTheirColumnsTextValues() {
    ConnectionRepository connections = new ConnectionRepository(dataSource);
    JdbcClient sql = JdbcClient.create(dataSource);
    Connection c = connection();
    assertThat(sql.sql("SELECT schedule_type || ' ' || schedule_data::text || ' ' || namespace_definition FROM connection "
        + "WHERE id = :id").param("id", c.id()).query(String.class).single())
        .isEqualTo("basic {\"basicSchedule\": {\"units\": 24, \"timeUnit\": \"hours\"}} destination");

    Schedule cron = new Schedule.Cron("0 0 2 * * ?", "Europe/Paris");
    Connection updated = connections.update(new Connection(c.id(), c.sourceId(), c.destinationId(), c.name(), c.catalog(),
        NamespaceDefinition.CUSTOM_FORMAT, "raw_${SOURCE_NAMESPACE}", c.prefix(), cron, c.nonBreakingChangePreference(), c.status(),
        null, null, null));
    assertThat(updated.schedule()).isEqualTo(cron);
    assertThat(updated.namespaceDefinition()).isEqualTo(NamespaceDefinition.CUSTOM_FORMAT);
    assertThat(sql.sql("SELECT schedule_type || ' ' || schedule_data::text || ' ' || namespace_definition FROM connection "
        + "WHERE id = :id").param("id", c.id()).query(String.class).single())
        .isEqualTo("cron {\"cron\": {\"cronTimeZone\": \"Europe/Paris\", \"cronExpression\": \"0 0 2 * * ?\"}} customformat");

    // a row written by hand with a schedule the platform does not run reads as manual
    sql.sql("UPDATE connection SET schedule_type = 'basic', schedule_data = '{\"basicSchedule\":{\"timeUnit\":\"fortnights\","
        + "\"units\":2}}' WHERE id = :id").param("id", c.id()).update();
    assertThat(connections.get(c.id()).schedule()).isEqualTo(Schedule.manual());

    JobRepository jobs = new JobRepository(dataSource);
    Job job = jobs.createOrGetUnfinished(c.id(), JobType.RESET, null);
    jobs.startAttempt(job.id(), 0, null);
    jobs.setStatus(job.id(), JobStatus.INCOMPLETE);
    assertThat(sql.sql("SELECT job_type || ' ' || status FROM job WHERE id = :id").param("id", job.id()).query(String.class).single())
        .isEqualTo("reset incomplete");
    assertThat(sql.sql("SELECT status FROM attempt WHERE job_id = :id").param("id", job.id()).query(String.class).single())
        .isEqualTo("running");
  }

  @Test
  void jobsAndAttemptsAreIdempotentAndOneUnfinishedJobPerConnection() {
    JobRepository jobs = new JobRepository(dataSource);
    Connection c = connection();

    Job job = jobs.createOrGetUnfinished(c.id(), JobType.SYNC, null);
    assertThat(job.status()).isEqualTo(JobStatus.PENDING);
    assertThat(jobs.createOrGetUnfinished(c.id(), JobType.SYNC, null).id()).isEqualTo(job.id());

    jobs.startAttempt(job.id(), 0, "/logs/0");
    assertThat(jobs.startAttempt(job.id(), 0, "/logs/other").logPath()).isEqualTo("/logs/0");
    assertThat(jobs.attempt(job.id(), 0).workerId()).as("no worker has taken the attempt yet").isNull();
    jobs.setWorkerId(job.id(), 0, "worker-a");
    jobs.setWorkerId(job.id(), 0, "worker-b");
    assertThat(jobs.attempt(job.id(), 0).workerId()).as("the worker that took it last").isEqualTo("worker-b");
    assertThat(jobs.get(job.id()).status()).isEqualTo(JobStatus.RUNNING);
    jobs.saveStats(job.id(), 0, List.of(new StreamStatistics("public", "users", 10, 100, 5, 50, 20L, null)));
    jobs.saveStats(job.id(), 0, List.of(new StreamStatistics("public", "users", 12, 120, 12, 120, 20L, null)));
    assertThat(jobs.stats(job.id(), 0)).containsExactly(new StreamStatistics("public", "users", 12, 120, 12, 120, 20L, null));

    JsonNode failure = Jsons.deserialize("{\"failures\":[{\"failureOrigin\":\"source\"}]}");
    jobs.endAttempt(job.id(), 0, AttemptStatus.FAILED, null, failure);
    assertThat(jobs.endAttempt(job.id(), 0, AttemptStatus.SUCCEEDED, null, null).status()).isEqualTo(AttemptStatus.FAILED);
    jobs.setStatus(job.id(), JobStatus.INCOMPLETE);
    jobs.startAttempt(job.id(), 1, "/logs/1");
    jobs.endAttempt(job.id(), 1, AttemptStatus.SUCCEEDED, Jsons.object().put("ok", true), null);
    jobs.setStatus(job.id(), JobStatus.SUCCEEDED);
    assertThat(jobs.setStatus(job.id(), JobStatus.FAILED).status()).isEqualTo(JobStatus.SUCCEEDED);
    assertThat(jobs.attempts(job.id())).extracting(a -> a.status()).containsExactly(AttemptStatus.FAILED, AttemptStatus.SUCCEEDED);
    assertThat(jobs.committedTotals(job.id())).containsExactly(12, 120);

    Job next = jobs.createOrGetUnfinished(c.id(), JobType.RESET, null);
    assertThat(next.id()).isGreaterThan(job.id());
    jobs.setStatus(next.id(), JobStatus.FAILED);
    Job third = jobs.createOrGetUnfinished(c.id(), JobType.SYNC, null);
    jobs.setStatus(third.id(), JobStatus.FAILED);
    assertThat(jobs.consecutiveFailures(c.id())).isEqualTo(2);
    assertThat(jobs.list(c.id(), JobStatus.FAILED, null, 10, 0)).extracting(Job::id).containsExactly(third.id(), next.id());
    assertThat(jobs.list(c.id(), null, JobType.RESET, 10, 0)).extracting(Job::id).containsExactly(next.id());

    // a page's totals in one query: each job's own, {0, 0} where nothing was committed
    jobs.startAttempt(third.id(), 0, null);
    jobs.saveStats(third.id(), 0, List.of(new StreamStatistics("public", "users", 3, 30, 2, 25, null, null)));
    var totals = jobs.committedTotals(List.of(job.id(), next.id(), third.id()));
    assertThat(totals).containsOnlyKeys(job.id(), next.id(), third.id());
    assertThat(totals.get(job.id())).containsExactly(12, 120);
    assertThat(totals.get(next.id())).containsExactly(0, 0);
    assertThat(totals.get(third.id())).containsExactly(jobs.committedTotals(third.id()));
    assertThat(totals.get(third.id())).containsExactly(2, 25);
  }

  @Test
  void stateRowsPerStreamOrOneGlobal() {
    StateRepository states = new StateRepository(dataSource);
    Connection c = connection();
    AirbyteStateMessage users = Jsons.deserialize("{\"type\":\"STREAM\",\"stream\":{\"stream_descriptor\":{\"namespace\":\"public\","
        + "\"name\":\"users\"},\"stream_state\":{\"c\":1}}}", AirbyteStateMessage.class);
    AirbyteStateMessage orders = Jsons.deserialize("{\"type\":\"STREAM\",\"stream\":{\"stream_descriptor\":{\"name\":\"orders\"},"
        + "\"stream_state\":{\"c\":2}}}", AirbyteStateMessage.class);
    states.upsertStream(c.id(), users);
    states.upsertStream(c.id(), orders);
    states.upsertStream(c.id(), users.withStream(users.getStream().withStreamState(Jsons.deserialize("{\"c\":3}"))));
    assertThat(states.read(c.id())).hasSize(2).extracting(s -> s.getStream().getStreamState().get("c").asInt())
        .containsExactly(2, 3);

    AirbyteStateMessage global = Jsons.deserialize("{\"type\":\"GLOBAL\",\"global\":{\"shared_state\":{\"lsn\":7},"
        + "\"stream_states\":[]}}", AirbyteStateMessage.class);
    states.replace(c.id(), List.of(global));
    assertThat(states.read(c.id())).containsExactly(global);
    states.replace(c.id(), List.of());
    assertThat(states.read(c.id())).isEmpty();
  }

  @Test
  void generationsStartAtZeroAndBumpOncePerJob() {
    StreamGenerationRepository generations = new StreamGenerationRepository(dataSource);
    JobRepository jobs = new JobRepository(dataSource);
    Connection c = connection();
    StreamDescriptor users = new StreamDescriptor().withNamespace("public").withName("users");
    assertThat(generations.current(c.id())).isEmpty();
    long job = jobs.createOrGetUnfinished(c.id(), JobType.REFRESH, null).id();

    assertThat(generations.bump(c.id(), List.of(users), job)).isEqualTo(Map.of(users, 1L));
    assertThat(generations.bump(c.id(), List.of(users), job)).isEqualTo(Map.of(users, 1L));
    jobs.setStatus(job, JobStatus.SUCCEEDED);
    long next = jobs.createOrGetUnfinished(c.id(), JobType.CLEAR, null).id();
    assertThat(generations.bump(c.id(), List.of(users), next)).isEqualTo(Map.of(users, 2L));
  }
}
