package io.airbyte.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.airbyte.protocol.json.Jsons;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged platform jar, as a user runs it: it starts, a sync source-faker → DuckDB runs
 * through the API, and after a restart the connection, its job history and the data are there.
 */
@Timeout(600)
class StandaloneIT {

  private static final Path JAR = Path.of("target", "airbyte-standalone.jar");
  private static final String PASSWORD = "standalone-admin-pw";

  @TempDir
  Path home;

  private final HttpClient http = HttpClient.newHttpClient();
  private int port;

  @Test
  void runsASyncThroughTheApiAndKeepsEverythingAcrossARestart() throws Exception {
    assertThat(JAR).as("the platform jar (./mvnw package builds it)").exists();
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    Process platform = start("first");
    String connectionId;
    try {
      String workspace = call("GET", "/workspaces", null).get("data").get(0).get("workspaceId").asText();
      String sourceId = call("POST", "/sources", "{\"name\":\"faker\",\"workspaceId\":\"" + workspace
          + "\",\"configuration\":{\"sourceType\":\"faker\",\"count\":500,\"seed\":7}}").get("sourceId").asText();
      String destinationId = call("POST", "/destinations", "{\"name\":\"duck\",\"workspaceId\":\"" + workspace
          + "\",\"configuration\":{\"destinationType\":\"duckdb\",\"destination_path\":\"" + home.resolve("warehouse.duckdb")
          + "\"}}").get("destinationId").asText();
      connectionId = call("POST", "/connections", "{\"sourceId\":\"" + sourceId + "\",\"destinationId\":\"" + destinationId
          + "\",\"name\":\"demo\"}").get("connectionId").asText();
      long jobId = call("POST", "/jobs", "{\"connectionId\":\"" + connectionId + "\",\"jobType\":\"sync\"}").get("jobId").asLong();
      JsonNode job = awaitJob(jobId);
      assertThat(job.get("status").asText()).as(job.toString()).isEqualTo("succeeded");
      assertThat(job.get("rowsSynced").asLong()).isGreaterThanOrEqualTo(500);
      System.out.println("standalone: idle RSS after a sync " + rssMb(platform) + " MB");
    } finally {
      stop(platform);
    }

    Process again = start("second");
    try {
      assertThat(call("GET", "/connections/" + connectionId, null).get("name").asText()).isEqualTo("demo");
      JsonNode jobs = call("GET", "/jobs?connectionId=" + connectionId, null).get("data");
      assertThat(jobs).hasSize(1);
      assertThat(jobs.get(0).get("status").asText()).isEqualTo("succeeded");
    } finally {
      stop(again);
    }
    try (var c = DriverManager.getConnection("jdbc:duckdb:" + home.resolve("warehouse.duckdb"));
        ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM main.users")) {
      rs.next();
      assertThat(rs.getLong(1)).isEqualTo(500);
    }
  }

  private Process start(String name) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder builder = new ProcessBuilder(java, "-jar", JAR.toString())
        .redirectErrorStream(true).redirectOutput(home.resolve(name + ".log").toFile());
    builder.environment().putAll(Map.of("AIRBYTE_HOME", home.toString(), "SERVER_PORT", Integer.toString(port),
        "AIRBYTE_ADMIN_PASSWORD", PASSWORD));
    long started = System.nanoTime();
    Process process = builder.start();
    long deadline = System.currentTimeMillis() + 180_000;
    while (true) {
      if (!process.isAlive()) {
        throw new AssertionError("the platform ended: " + Files.readString(home.resolve(name + ".log")));
      }
      try {
        if (http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/public/v1/health")).build(),
            HttpResponse.BodyHandlers.ofString()).statusCode() == 200) {
          break;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      if (System.currentTimeMillis() > deadline) {
        throw new AssertionError("not ready within 180 s: " + Files.readString(home.resolve(name + ".log")));
      }
      Thread.sleep(250);
    }
    System.out.println("standalone: " + name + " start ready after " + (System.nanoTime() - started) / 1_000_000 + " ms");
    return process;
  }

  private static void stop(Process process) throws InterruptedException {
    process.destroy();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }

  private JsonNode call(String method, String path, String body) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/public/v1" + path))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
        .header("Content-Type", "application/json")
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("airbyte:" + PASSWORD)
            .getBytes(StandardCharsets.UTF_8)))
        .build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isBetween(200, 299);
    return Jsons.deserialize(response.body());
  }

  private JsonNode awaitJob(long jobId) throws Exception {
    long deadline = System.currentTimeMillis() + 180_000;
    while (true) {
      JsonNode job = call("GET", "/jobs/" + jobId, null);
      if (List.of("succeeded", "failed", "cancelled").contains(job.get("status").asText())
          || System.currentTimeMillis() > deadline) {
        return job;
      }
      Thread.sleep(500);
    }
  }

  private static long rssMb(Process process) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
      }
    }
    return -1;
  }
}
