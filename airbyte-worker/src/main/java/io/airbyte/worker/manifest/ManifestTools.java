package io.airbyte.worker.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.airbyte.contract.connector.ConnectorRuntime.DeclarativeManifest;
import io.airbyte.protocol.json.Jsons;
import io.airbyte.worker.process.ConnectorLaunchException;
import io.airbyte.worker.process.JobDirectories;
import io.airbyte.worker.process.PythonEnvironments;
import io.airbyte.worker.process.SecretFiles;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What Airbyte's Connector Builder asks of the CDK, run in the virtual environment of the manifest's
 * {@code airbyte-cdk} version: validating a manifest (the CDK's own preprocessing and
 * {@code declarative_component_schema.yaml}, {@code validate_manifest.py}) and a test read of one
 * stream ({@code python -m airbyte_cdk.connector_builder.main read} with {@code __command: test_read}),
 * whose answer is the CDK's StreamRead: the slices with their pages, each page's HTTP request and
 * response and its records, and the logs.
 */
public final class ManifestTools {

  private static final Logger LOG = LoggerFactory.getLogger(ManifestTools.class);
  private static final String VALIDATE = resource("validate_manifest.py");
  private static final String CONFIG_FILE = "builder_config.json";
  private static final String CATALOG_FILE = "builder_catalog.json";
  private static final String STATE_FILE = "builder_state.json";
  private static final String MANIFEST_FILE = "manifest.json";
  private static final String STDERR_FILE = "cdk_stderr.log";

  private final PythonEnvironments pythons;
  private final JobDirectories directories;
  private final Duration timeout;

  public ManifestTools(PythonEnvironments pythons, JobDirectories directories, Duration timeout) {
    this.pythons = pythons;
    this.directories = directories;
    this.timeout = timeout;
  }

  /** Whether the CDK takes {@code manifest}, and if not, where it fails. */
  public ManifestValidation validate(DeclarativeManifest manifest) throws ManifestToolException {
    Path dir = directories.attempt("validate-manifest-" + UUID.randomUUID(), 0);
    JobDirectories.writeJson(dir, MANIFEST_FILE, manifest.manifest());
    List<String> out = run(manifest, dir, List.of("-c", VALIDATE, dir.resolve(MANIFEST_FILE).toString()));
    JsonNode answer = lastJson(out);
    if (answer == null || !answer.has("valid")) {
      throw new ManifestToolException("The CDK's validation of the manifest gave no answer: " + tail(out));
    }
    return answer.get("valid").asBoolean() ? ManifestValidation.ok()
        : new ManifestValidation(false, answer.path("path").isTextual() ? answer.get("path").asText() : null,
            answer.path("message").asText());
  }

  /**
   * The first records of {@code request.stream()} read with {@code config} (secrets in clear; written
   * {@code rw-------} and removed when the read ends), as the CDK's StreamRead.
   */
  public JsonNode testRead(DeclarativeManifest manifest, JsonNode config, TestReadRequest request)
      throws ManifestToolException {
    Path dir = directories.attempt("test-read-" + UUID.randomUUID(), 0);
    ObjectNode builderConfig = manifest.injectInto(config);
    builderConfig.put("__command", "test_read");
    ObjectNode limits = builderConfig.putObject("__test_read_config");
    if (request.recordLimit() != null) {
      limits.put("max_records", request.recordLimit());
    }
    if (request.pageLimit() != null) {
      limits.put("max_pages_per_slice", request.pageLimit());
    }
    if (request.sliceLimit() != null) {
      limits.put("max_slices", request.sliceLimit());
    }
    ObjectNode catalog = Jsons.object();
    ObjectNode configured = catalog.putArray("streams").addObject();
    ObjectNode stream = configured.putObject("stream").put("name", request.stream());
    stream.putObject("json_schema");
    stream.putArray("supported_sync_modes").add("full_refresh");
    configured.put("sync_mode", "full_refresh").put("destination_sync_mode", "overwrite");
    JobDirectories.writeJson(dir, CATALOG_FILE, catalog);
    List<String> args = new ArrayList<>(List.of("-m", "airbyte_cdk.connector_builder.main", "read",
        "--config", dir.resolve(CONFIG_FILE).toString(), "--catalog", dir.resolve(CATALOG_FILE).toString()));
    if (request.state() != null && !request.state().isNull()) {
      JobDirectories.writeJson(dir, STATE_FILE, request.state());
      args.addAll(List.of("--state", dir.resolve(STATE_FILE).toString()));
    }
    List<String> out;
    try (SecretFiles secrets = directories.secretFiles(dir)) {
      secrets.writeJson(CONFIG_FILE, builderConfig);
      out = run(manifest, dir, args);
    }
    for (String line : out) {
      JsonNode message = json(line);
      if (message == null) {
        continue;
      }
      if ("RECORD".equals(message.path("type").asText())) {
        return message.path("record").path("data");
      }
      if ("TRACE".equals(message.path("type").asText()) && "ERROR".equals(message.path("trace").path("type").asText())) {
        throw new ManifestToolException(message.path("trace").path("error").path("message").asText("the test read failed"));
      }
    }
    throw new ManifestToolException("The CDK's test read gave no answer: " + tail(out));
  }

  private List<String> run(DeclarativeManifest manifest, Path dir, List<String> args) throws ManifestToolException {
    Path python;
    try {
      python = pythons.pythonOf(manifest.cdk(), DeclarativeManifest.SCRIPT, LOG::info);
    } catch (ConnectorLaunchException e) {
      throw new ManifestToolException(e.getMessage(), e);
    }
    List<String> command = new ArrayList<>();
    command.add(python.toString());
    command.addAll(args);
    try {
      Process process = new ProcessBuilder(command).directory(dir.toFile())
          .redirectError(dir.resolve(STDERR_FILE).toFile()).start();
      process.getOutputStream().close();
      List<String> lines = new ArrayList<>();
      Thread reader = new Thread(() -> readLines(process.getInputStream(), lines), "manifest-tool-" + dir.getFileName());
      reader.setDaemon(true);
      reader.start();
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        throw new ManifestToolException("The CDK did not answer within " + timeout);
      }
      reader.join(5_000);
      synchronized (lines) {
        if (lines.isEmpty()) {
          throw new ManifestToolException("The CDK (" + manifest.cdk().describe() + ") exited with " + process.exitValue()
              + " without an answer: " + tail(java.nio.file.Files.readAllLines(dir.resolve(STDERR_FILE))));
        }
        return List.copyOf(lines);
      }
    } catch (IOException e) {
      throw new ManifestToolException("Cannot run " + python + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ManifestToolException("Interrupted while the CDK ran", e);
    }
  }

  private static void readLines(InputStream in, List<String> lines) {
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        synchronized (lines) {
          lines.add(line);
        }
      }
    } catch (IOException e) {
      LOG.debug("The CDK's output ended: {}", e.toString());
    }
  }

  private static JsonNode lastJson(List<String> lines) {
    for (int i = lines.size() - 1; i >= 0; i--) {
      JsonNode node = json(lines.get(i));
      if (node != null) {
        return node;
      }
    }
    return null;
  }

  private static JsonNode json(String line) {
    String trimmed = line.strip();
    if (!trimmed.startsWith("{")) {
      return null;
    }
    try {
      return Jsons.deserialize(trimmed);
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static String tail(List<String> lines) {
    return lines.isEmpty() ? "no output" : String.join(" | ", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
  }

  private static String resource(String name) {
    try (InputStream in = ManifestTools.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException(name + " is not on the class path");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read " + name, e);
    }
  }
}
