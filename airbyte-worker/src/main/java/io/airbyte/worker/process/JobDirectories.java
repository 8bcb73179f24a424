package io.airbyte.worker.process;

import io.airbyte.protocol.json.Jsons;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The worker's workspace: one directory per attempt ({@code <root>/<jobId>/<attempt>}) holding the
 * files its connectors read ({@code source_config.json}, {@code source_catalog.json},
 * {@code input_state.json}, {@code destination_config.json}, {@code destination_catalog.json}) and
 * the attempt's log.
 */
public final class JobDirectories {

  private final Path root;

  public JobDirectories(Path root) {
    this.root = root.toAbsolutePath();
  }

  public Path root() {
    return root;
  }

  /** Makes (if needed) the directory of one attempt. */
  public Path attempt(String jobId, int attempt) {
    Path dir = root.resolve(safe(jobId)).resolve(Integer.toString(attempt));
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create the job directory " + dir, e);
    }
    return dir;
  }

  /** Writes {@code value} as JSON to {@code dir/name}, readable by the connector only. */
  public static void writeJson(Path dir, String name, Object value) {
    Path file = dir.resolve(name);
    try {
      Files.write(file, Jsons.mapper().writeValueAsBytes(value));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + file, e);
    }
  }

  private static String safe(String jobId) {
    String s = jobId.replaceAll("[^a-zA-Z0-9_.-]", "_");
    if (s.isEmpty() || s.startsWith(".")) {
      throw new IllegalArgumentException("not a usable job id: '" + jobId + "'");
    }
    return s;
  }
}
