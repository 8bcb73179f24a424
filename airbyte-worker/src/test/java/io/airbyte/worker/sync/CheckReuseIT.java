package io.airbyte.worker.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.airbyte.contract.connector.ActorType;
import io.airbyte.contract.failure.FailureOrigin;
import io.airbyte.contract.job.JobStatus;
import io.airbyte.contract.job.RetrySettings;
import io.airbyte.db.job.Attempt;
import io.airbyte.db.job.Job;
import io.airbyte.protocol.models.AirbyteStream;
import io.airbyte.protocol.models.ConfiguredAirbyteStream;
import io.airbyte.protocol.models.DestinationSyncMode;
import io.airbyte.protocol.models.SyncMode;
import io.airbyte.testsupport.postgres.PostgresExtension;
import io.airbyte.testsupport.postgres.PostgresTestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The worker's memory of passed checks on the real sync path ({@link SyncPlatform}: the connection workflow, the
 * check and replication activities, source-postgres and destination-postgres as processes), two streams: the first
 * sync checks both sides, the next one skips both checks and still lands every row, a sync whose source fails in
 * the middle of its first attempt is retried with both checks run again, and the sync after that failure checks
 * again on its first attempt.
 */
@ExtendWith(PostgresExtension.class)
@Timeout(300)
class CheckReuseIT {

  private static final RetrySettings RETRY = new RetrySettings(2, 2, 1, 1, 1);

  private final PostgresTestDatabase db;
  @TempDir
  Path dir;
  private SyncPlatform platform;
  private String app;

  CheckReuseIT(PostgresTestDatabase db) {
    this.db = db;
  }

  @BeforeEach
  void start() {
    platform = new SyncPlatform(db, dir.resolve("workspace"), RETRY, true,
        new RecentChecks(Duration.ofMinutes(10), Clock.systemUTC()));
    app = "app_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    db.execute("CREATE SCHEMA " + app,
        "CREATE TABLE " + app + ".t1 (id bigint PRIMARY KEY, v text NOT NULL)",
        "CREATE TABLE " + app + ".t2 (id bigint PRIMARY KEY, v text NOT NULL)",
        "INSERT INTO " + app + ".t1 SELECT g, 'a' || g FROM generate_series(1, 3000) g",
        "INSERT INTO " + app + ".t2 SELECT g, 'b' || g FROM generate_series(1, 2000) g");
  }

  @AfterEach
  void stop() {
    platform.close();
  }

  @Test
  void aSyncSkipsTheChecksTheLastOnePassedAndARetryOrTheSyncAfterAFailureChecksAgain() throws Exception {
    ObjectNode sourceConfig = SyncPlatform.sourceConfig(db, app);
    UUID source = platform.actor(ActorType.SOURCE, "source-postgres", sourceConfig);
    UUID destination = platform.actor(ActorType.DESTINATION, "destination-postgres",
        SyncPlatform.destinationConfig(db, "out_" + app));
    List<ConfiguredAirbyteStream> streams = new ArrayList<>();
    for (AirbyteStream stream : platform.discover(sourceConfig, List.of("t1", "t2"))) {
      streams.add(new ConfiguredAirbyteStream().withStream(stream).withSyncMode(SyncMode.FULL_REFRESH)
          .withDestinationSyncMode(DestinationSyncMode.OVERWRITE));
    }
    UUID connection = platform.connection(source, destination, streams);

    Job first = platform.sync(connection, Duration.ofMinutes(3));
    assertThat(first.status()).isEqualTo(JobStatus.SUCCEEDED);
    assertThat(log(first, 0)).contains("Checking the source", "Checking the destination")
        .doesNotContain("skipped");

    Job second = platform.sync(connection, Duration.ofMinutes(3));
    assertThat(second.status()).isEqualTo(JobStatus.SUCCEEDED);
    assertThat(log(second, 0)).contains("Check of the source skipped: The same source configuration passed a check",
        "Check of the destination skipped: The same destination configuration passed a check")
        .doesNotContain("Checking the source", "Checking the destination");
    assertThat(landed("t1")).isEqualTo(3000);
    assertThat(landed("t2")).isEqualTo(2000);

    // the second stream fails in the middle of its read (division by zero at id 1500, a system error, retried):
    // the check, which only connects, would pass
    db.execute("ALTER TABLE " + app + ".t2 RENAME TO t2_data", "CREATE VIEW " + app + ".t2 AS SELECT id, CASE WHEN id = 1500"
        + " THEN (1 / (id - 1500))::text ELSE v END AS v FROM " + app + ".t2_data");
    Job failing = platform.sync(connection, Duration.ofMinutes(3));
    List<Attempt> attempts = platform.attempts(failing.id());
    assertThat(failing.status()).isEqualTo(JobStatus.FAILED);
    assertThat(attempts).as("every attempt of the failing job").hasSizeGreaterThan(1);
    assertThat(SyncPlatform.cause(attempts.get(0)).path("failureOrigin").asText()).isEqualTo(FailureOrigin.SOURCE.value());
    assertThat(log(failing, 0)).contains("Check of the source skipped");
    assertThat(log(failing, 1)).as("a retry checks").contains("Checking the source", "Checking the destination")
        .doesNotContain("skipped");

    db.execute("DROP VIEW " + app + ".t2", "ALTER TABLE " + app + ".t2_data RENAME TO t2");
    Job after = platform.sync(connection, Duration.ofMinutes(3));
    assertThat(after.status()).isEqualTo(JobStatus.SUCCEEDED);
    assertThat(log(after, 0)).as("the first sync after a failed attempt checks").contains("Checking the source",
        "Checking the destination");
    assertThat(landed("t2")).isEqualTo(2000);
  }

  private long landed(String table) throws Exception {
    try (var c = db.connection(); var s = c.createStatement();
        var r = s.executeQuery("SELECT count(*) FROM out_" + app + "." + table)) {
      r.next();
      return r.getLong(1);
    }
  }

  private String log(Job job, int attempt) throws Exception {
    return Files.readString(platform.attemptDirectory(job.id(), attempt)
        .resolve(io.airbyte.worker.log.AttemptLog.FILE_NAME));
  }
}
