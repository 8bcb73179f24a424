package io.airbyte.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.airbyte.protocol.json.Jsons;
import io.airbyte.testsupport.postgres.PostgresTestDatabase;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The packaged platform jar run as a user runs it, and its public API. */
final class RunningPlatform implements AutoCloseable {

  static final Path JAR = Path.of("target", "airbyte-standalone.jar");
  static final String PASSWORD = "standalone-admin-pw";

  private final HttpClient http = HttpClient.newHttpClient();
  private final Path home;
  private final int port;
  private final Process process;

  private RunningPlatform(Path home, int port, Process process) {
    this.home = home;
    this.port = port;
    this.process = process;
  }

  /**
   * The port to {@link #start} a platform on for it to bind one the OS chooses (nothing can take it
   * between a pick and the bind); {@link #port()} then answers the port it bound, read from its log.
   */
  static final int ANY_PORT = 0;

  private static final Pattern READY = Pattern.compile("The platform is ready on http://localhost:(\\d+) ");

  /** A port nothing listens on now: a number to write into a file, never one to bind (see {@link #ANY_PORT}). */
  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /**
   * Starts the jar with {@code AIRBYTE_HOME=home} (plus {@code env}) on {@code port} ({@link #ANY_PORT}
   * for one the OS chooses) and waits for its health endpoint.
   */
  static RunningPlatform start(Path home, int port, String name, Map<String, String> env) throws Exception {
    Path log = home.resolve(name + ".log");
    long started = System.nanoTime();
    Process process = launch(home, port, name, env);
    long deadline = System.currentTimeMillis() + 180_000;
    int bound = port;
    while (bound == ANY_PORT) {
      awaitStep(process, log, deadline);
      Matcher ready = READY.matcher(Files.exists(log) ? Files.readString(log) : "");
      bound = ready.find() ? Integer.parseInt(ready.group(1)) : ANY_PORT;
    }
    RunningPlatform platform = new RunningPlatform(home, bound, process);
    while (!platform.healthy()) {
      awaitStep(process, log, deadline);
    }
    System.out.println("standalone: " + name + " start ready after " + (System.nanoTime() - started) / 1_000_000 + " ms");
    return platform;
  }

  /** Fails when the platform ended or the deadline passed (stopping it then), else waits a little. */
  private static void awaitStep(Process process, Path log, long deadline) throws Exception {
    if (!process.isAlive()) {
      throw new AssertionError("the platform ended: " + Files.readString(log));
    }
    if (System.currentTimeMillis() > deadline) {
      process.destroyForcibly().waitFor();
      throw new AssertionError("not ready within 180 s: " + Files.readString(log));
    }
    Thread.sleep(250);
  }

  /**
   * Runs the jar as {@link #start} does but expects it to end by itself (a start that must be
   * refused); returns its exit status, or fails when it still runs after {@code seconds}.
   */
  static int runToExit(Path home, int port, String name, Map<String, String> env, long seconds) throws Exception {
    Process process = launch(home, port, name, env);
    if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
      throw new AssertionError(name + " still ran after " + seconds + " s: " + Files.readString(home.resolve(name + ".log")));
    }
    return process.exitValue();
  }

  private static Process launch(Path home, int port, String name, Map<String, String> env) throws IOException {
    assertThat(JAR).as("the platform jar (./mvnw package builds it)").exists();
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder builder = new ProcessBuilder(java, "-jar", JAR.toString())
        .redirectErrorStream(true).redirectOutput(home.resolve(name + ".log").toFile());
    Map<String, String> environment = new HashMap<>(env);
    environment.putAll(Map.of("AIRBYTE_HOME", home.toString(), "SERVER_PORT", Integer.toString(port)));
    // an empty AIRBYTE_ADMIN_PASSWORD in env lets the platform generate one (then only /health answers this helper)
    environment.putIfAbsent("AIRBYTE_ADMIN_PASSWORD", PASSWORD);
    builder.environment().putAll(environment);
    return builder.start();
  }

  private boolean healthy() throws InterruptedException {
    try {
      return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/public/v1/health")).build(),
          HttpResponse.BodyHandlers.ofString()).statusCode() == 200;
    } catch (IOException notYet) {
      return false;
    }
  }

  int port() {
    return port;
  }

  /** The platform JVM's process id. */
  long pid() {
    return process.pid();
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** Kills the platform JVM with SIGKILL (what an OOM killer does: no shutdown hook runs) and waits for it to end. */
  void kill9() throws InterruptedException {
    process.destroyForcibly();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      throw new AssertionError("the platform JVM " + process.pid() + " did not end after SIGKILL");
    }
  }

  /** Calls the public API as the admin; the answer must be 2xx. */
  JsonNode call(String method, String path, String body) throws Exception {
    return request("/api/public/v1", method, path, body);
  }

  /** Calls the config API of the UI ({@code /api/v1}) as the admin; the answer must be 2xx. */
  JsonNode configApi(String method, String path, String body) throws Exception {
    return request("/api/v1", method, path, body);
  }

  private JsonNode request(String api, String method, String path, String body) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + api + path))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
        .header("Content-Type", "application/json")
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("airbyte:" + PASSWORD)
            .getBytes(StandardCharsets.UTF_8)))
        .build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isBetween(200, 299);
    return Jsons.deserialize(response.body());
  }

  String defaultWorkspace() throws Exception {
    return call("GET", "/workspaces", null).get("data").get(0).get("workspaceId").asText();
  }

  /**
   * The connection fields of a PostgreSQL source or destination configuration for a test database
   * (no braces: {@code "host":…,"port":…,…,"ssl_mode":{"mode":"disable"}}), to put beside the others.
   */
  static String postgresFields(PostgresTestDatabase db) {
    return "\"host\":\"127.0.0.1\",\"port\":" + db.port() + ",\"database\":\"" + db.databaseName() + "\",\"username\":\""
        + db.username() + "\",\"password\":\"" + db.password() + "\",\"ssl_mode\":{\"mode\":\"disable\"}";
  }

  /** Creates a source in the default workspace from its configuration (with its sourceType); returns its id. */
  String createSource(String name, String configuration) throws Exception {
    return call("POST", "/sources", "{\"name\":" + Jsons.serialize(name) + ",\"workspaceId\":\"" + defaultWorkspace()
        + "\",\"configuration\":" + configuration + "}").get("sourceId").asText();
  }

  /** Creates a destination-postgres destination writing into {@code schema} of the database; returns its id. */
  String createPostgresDestination(String name, PostgresTestDatabase db, String schema) throws Exception {
    return call("POST", "/destinations", "{\"name\":" + Jsons.serialize(name) + ",\"workspaceId\":\"" + defaultWorkspace()
        + "\",\"configuration\":{\"destinationType\":\"postgres\"," + postgresFields(db) + ",\"schema\":"
        + Jsons.serialize(schema) + "}}").get("destinationId").asText();
  }

  /**
   * Creates a manual connection writing into the destination's namespace, with the streams as the
   * public API takes them ({@code [{"name":…,"syncMode":…}, …]}); returns its id.
   */
  String createConnection(String sourceId, String destinationId, String name, String streams) throws Exception {
    return call("POST", "/connections", "{\"sourceId\":\"" + sourceId + "\",\"destinationId\":\"" + destinationId
        + "\",\"name\":" + Jsons.serialize(name) + ",\"namespaceDefinition\":\"destination\",\"configurations\":{\"streams\":"
        + streams + "},\"schedule\":{\"scheduleType\":\"manual\"}}").get("connectionId").asText();
  }

  /** Starts a sync of the connection; returns the job's id. */
  long startSync(String connectionId) throws Exception {
    return call("POST", "/jobs", "{\"connectionId\":\"" + connectionId + "\",\"jobType\":\"sync\"}").get("jobId").asLong();
  }

  /** Waits until the job ends or {@code seconds} passed; returns the job as the API shows it then. */
  JsonNode awaitJob(long jobId, long seconds) throws Exception {
    long deadline = System.currentTimeMillis() + seconds * 1000;
    while (true) {
      JsonNode job = call("GET", "/jobs/" + jobId, null);
      if (List.of("succeeded", "failed", "cancelled").contains(job.get("status").asText())
          || System.currentTimeMillis() > deadline) {
        return job;
      }
      Thread.sleep(500);
    }
  }

  /** Starts a sync of the connection and waits (up to 180 s) until the job ends. */
  JsonNode sync(String connectionId) throws Exception {
    return awaitJob(startSync(connectionId), 180);
  }

  long rssMb() throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
      }
    }
    return -1;
  }

  String log(String name) throws IOException {
    return Files.readString(home.resolve(name + ".log"));
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
    keepLogs();
  }

  /** Copies the platform's logs out of the (temporary) home, to read after a failed test. */
  private void keepLogs() {
    try (var files = Files.list(home)) {
      Path kept = Path.of("target", "platform-logs", home.getFileName().toString());
      Files.createDirectories(kept);
      for (Path log : files.filter(f -> f.toString().endsWith(".log")).toList()) {
        Files.copy(log, kept.resolve(log.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      System.out.println("standalone: could not keep the logs of " + home + ": " + e);
    }
  }
}
