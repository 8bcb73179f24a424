package io.airbyte.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.airbyte.protocol.json.Jsons;
import io.airbyte.testsupport.postgres.EmbeddedPostgresServer;
import io.airbyte.testsupport.postgres.PostgresTestDatabase;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Connector secrets stay encrypted at rest: after a sync PostgreSQL → PostgreSQL, a sync that fails
 * mid-way (a stream dropped in the source), a cancelled one (through the public API while it runs), a
 * sync whose destination check fails (its password changed on the server) and the config API's checks,
 * neither database password is in any file under {@code AIRBYTE_HOME} (read byte by byte: the
 * metadata database's data files and WAL, the platform's log, job directories with their logs and
 * catalogs), no connector configuration file is left, and every job directory is {@code rwx------}.
 */
@Timeout(900)
class NoSecretOnDiskIT {

  private static final PostgresTestDatabase SOURCE = EmbeddedPostgresServer.get().createDatabase();
  private static final PostgresTestDatabase DESTINATION = EmbeddedPostgresServer.get().createDatabase();
  private static final List<String> CONFIG_FILES = List.of("source_config.json", "destination_config.json",
      "connector_config.json");

  private final HttpClient http = HttpClient.newHttpClient();

  @TempDir
  Path home;

  @BeforeAll
  static void tables() {
    SOURCE.execute("CREATE TABLE customers (id int PRIMARY KEY, name text NOT NULL)",
        "INSERT INTO customers SELECT i, 'customer ' || i FROM generate_series(1, 100) i",
        "CREATE TABLE doomed (id int PRIMARY KEY)", "INSERT INTO doomed VALUES (1)",
        // a stream that takes minutes to read: something to cancel while it runs
        "CREATE FUNCTION slowly(i int) RETURNS int LANGUAGE plpgsql AS $$ BEGIN PERFORM pg_sleep(0.02); RETURN i; END $$",
        "CREATE VIEW slow_rows AS SELECT slowly(i) AS id FROM generate_series(1, 100000) i");
  }

  @AfterAll
  static void drop() {
    SOURCE.close();
    DESTINATION.close();
  }

  @Test
  void noPasswordInAnyFileUnderTheHomeAfterSyncsThatSucceedFailAndAreCancelled() throws Exception {
    byte[] sourcePassword = SOURCE.password().getBytes(StandardCharsets.UTF_8);
    byte[] destinationPassword = DESTINATION.password().getBytes(StandardCharsets.UTF_8);
    try (RunningPlatform platform = RunningPlatform.start(home, RunningPlatform.ANY_PORT, "secrets", Map.of())) {
      String workspace = platform.defaultWorkspace();
      String sourceId = platform.call("POST", "/sources", "{\"name\":\"app\",\"workspaceId\":\"" + workspace
          + "\",\"configuration\":" + sourceConfig() + "}").get("sourceId").asText();
      String destinationId = platform.call("POST", "/destinations", "{\"name\":\"warehouse\",\"workspaceId\":\"" + workspace
          + "\",\"configuration\":" + destinationConfig() + "}").get("destinationId").asText();
      // the config API's checks: a saved source, and an edit of the destination carrying its password in clear
      assertThat(configApi(platform, "/sources/" + sourceId + "/check", "{}").get("status").asText()).isEqualTo("succeeded");
      assertThat(configApi(platform, "/destinations/" + destinationId + "/check",
          "{\"configuration\":" + destinationConfig() + "}").get("status").asText()).isEqualTo("succeeded");

      String good = connection(platform, sourceId, destinationId, "good", "customers");
      JsonNode synced = platform.sync(good);
      assertThat(synced.get("status").asText()).as(synced + "\n" + platform.log("secrets")).isEqualTo("succeeded");
      assertThat(synced.get("rowsSynced").asLong()).isEqualTo(100);

      // fails mid-way: the source reads one stream, then finds the other gone (a config error: no retry)
      String midway = connection(platform, sourceId, destinationId, "midway", "customers", "doomed");
      SOURCE.execute("DROP TABLE doomed");
      JsonNode failed = platform.sync(midway);
      assertThat(failed.get("status").asText()).as(failed.toString()).isEqualTo("failed");
      assertThat(attemptLog(failed.get("jobId").asLong())).contains("'public.doomed' does not exist");

      String slow = connection(platform, sourceId, destinationId, "slow", "slow_rows");
      long jobId = platform.call("POST", "/jobs", "{\"connectionId\":\"" + slow + "\",\"jobType\":\"sync\"}").get("jobId").asLong();
      awaitReplicating(jobId);
      JsonNode cancelled = platform.call("DELETE", "/jobs/" + jobId, null);
      cancelled = awaitEnd(platform, jobId, cancelled);
      assertThat(cancelled.get("status").asText()).as(cancelled.toString()).isEqualTo("cancelled");
      assertThat(attemptLog(jobId)).contains("Cancelled: stopping the source and the destination");

      // the destination's password changed on the server after the connection was made: its check fails
      try (Connection c = EmbeddedPostgresServer.get().adminDataSource().getConnection(); Statement s = c.createStatement()) {
        s.execute("ALTER ROLE " + DESTINATION.username() + " PASSWORD 'changed-on-the-server'");
      }
      JsonNode refused = platform.sync(good);
      assertThat(refused.get("status").asText()).as(refused.toString()).isEqualTo("failed");

      assertNoSecretOnDisk(sourcePassword, destinationPassword);
    }
    // once stopped too: the metadata database has written out everything it had in memory
    assertNoSecretOnDisk(sourcePassword, destinationPassword);
  }

  private void assertNoSecretOnDisk(byte[] sourcePassword, byte[] destinationPassword) throws IOException {
    List<Path> files = new ArrayList<>();
    try (Stream<Path> all = Files.walk(home)) {
      all.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).forEach(files::add);
    }
    assertThat(files).as("files under the home").hasSizeGreaterThan(100);
    long bytes = 0;
    List<String> found = new ArrayList<>();
    for (Path file : files) {
      byte[] content;
      try {
        content = Files.readAllBytes(file);
      } catch (java.nio.file.NoSuchFileException gone) {
        continue; // a temporary file of the running database
      }
      bytes += content.length;
      if (indexOf(content, sourcePassword) >= 0) {
        found.add("the source's password in " + home.relativize(file));
      }
      if (indexOf(content, destinationPassword) >= 0) {
        found.add("the destination's password in " + home.relativize(file));
      }
    }
    System.out.println("secrets: read " + files.size() + " files, " + bytes / (1024 * 1024) + " MB under the home");
    assertThat(found).as("secrets on disk").isEmpty();

    Path workspace = home.resolve("workspace");
    List<String> left = new ArrayList<>();
    List<String> open = new ArrayList<>();
    try (Stream<Path> all = Files.walk(workspace, 3)) {
      for (Path p : all.toList()) {
        Path relative = workspace.relativize(p);
        if (p.equals(workspace) || relative.getName(0).toString().startsWith(".")) {
          continue; // the workspace itself, and the class-data archives
        }
        if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) && relative.getNameCount() <= 2) {
          String mode = PosixFilePermissions.toString(Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS));
          if (!mode.equals("rwx------")) {
            open.add(relative + " " + mode);
          }
        } else if (CONFIG_FILES.contains(p.getFileName().toString())) {
          left.add(relative.toString());
        }
      }
    }
    assertThat(left).as("connector configurations left in the workspace").isEmpty();
    assertThat(open).as("job directories others may read").isEmpty();
    try (Stream<Path> jobs = Files.list(workspace)) {
      assertThat(jobs.filter(p -> !p.getFileName().toString().startsWith(".")).count())
          .as("job directories: syncs, checks and discovers").isGreaterThanOrEqualTo(6);
    }
  }

  private String attemptLog(long jobId) throws IOException {
    return AttemptFiles.logText(home, jobId, 0);
  }

  /** Waits until the attempt replicates, and its connectors have had the time to start. */
  private void awaitReplicating(long jobId) throws Exception {
    Path log = AttemptFiles.log(home, jobId, 0);
    long deadline = System.currentTimeMillis() + 180_000;
    while (!(Files.exists(log) && attemptLog(jobId).contains("Replication of connection"))) {
      assertThat(System.currentTimeMillis()).as("the slow sync replicates within 180 s").isLessThan(deadline);
      Thread.sleep(250);
    }
    Thread.sleep(5000);
  }

  private static JsonNode awaitEnd(RunningPlatform platform, long jobId, JsonNode job) throws Exception {
    long deadline = System.currentTimeMillis() + 120_000;
    while (!List.of("succeeded", "failed", "cancelled").contains(job.get("status").asText())
        && System.currentTimeMillis() < deadline) {
      Thread.sleep(500);
      job = platform.call("GET", "/jobs/" + jobId, null);
    }
    return job;
  }

  private static String connection(RunningPlatform platform, String sourceId, String destinationId, String name,
      String... streams) throws Exception {
    StringBuilder configured = new StringBuilder();
    for (String stream : streams) {
      configured.append(configured.isEmpty() ? "" : ",").append("{\"name\":\"").append(stream)
          .append("\",\"syncMode\":\"full_refresh_overwrite\"}");
    }
    return platform.call("POST", "/connections", "{\"sourceId\":\"" + sourceId + "\",\"destinationId\":\"" + destinationId
        + "\",\"name\":\"" + name + "\",\"namespaceDefinition\":\"destination\",\"prefix\":\"" + name + "_\","
        + "\"configurations\":{\"streams\":[" + configured + "]}}").get("connectionId").asText();
  }

  private static String sourceConfig() {
    return "{\"sourceType\":\"postgres\",\"host\":\"127.0.0.1\",\"port\":" + SOURCE.port() + ",\"database\":\""
        + SOURCE.databaseName() + "\",\"schemas\":[\"public\"],\"username\":\"" + SOURCE.username() + "\",\"password\":\""
        + SOURCE.password() + "\",\"ssl_mode\":{\"mode\":\"disable\"}}";
  }

  private static String destinationConfig() {
    return "{\"destinationType\":\"postgres\",\"host\":\"127.0.0.1\",\"port\":" + DESTINATION.port() + ",\"database\":\""
        + DESTINATION.databaseName() + "\",\"schema\":\"warehouse\",\"username\":\"" + DESTINATION.username()
        + "\",\"password\":\"" + DESTINATION.password() + "\",\"ssl_mode\":{\"mode\":\"disable\"}}";
  }

  /** The UI's config API ({@code /api/v1}) as the admin; the answer must be 2xx. */
  private JsonNode configApi(RunningPlatform platform, String path, String body) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + platform.port() + "/api/v1" + path))
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .header("Content-Type", "application/json")
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("airbyte:" + RunningPlatform.PASSWORD)
            .getBytes(StandardCharsets.UTF_8)))
        .build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as("POST /api/v1" + path + ": " + response.body()).isBetween(200, 299);
    return Jsons.deserialize(response.body());
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i <= haystack.length - needle.length; i++) {
      if (haystack[i] != needle[0]) {
        continue;
      }
      for (int j = 1; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
