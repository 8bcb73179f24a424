package io.airbyte.worker.process;

import io.airbyte.contract.connector.ConnectorRuntime;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connector run: the runtime to launch, the command line ({@code read --config
 * source_config.json …}) and the files of the attempt's job directory it reads. The contract of every
 * {@link ProcessFactory}: each argument equal to the name of one of {@code files} is replaced by the
 * path under which the connector sees that file (the files are read-only to it); everything else is
 * passed as is. Starting may take a while (a Python connector is installed on its first use): what
 * the factory does meanwhile goes to {@code progress}, one line at a time, for the attempt's log.
 */
public record LaunchRequest(
    String jobId,
    int attempt,
    ConnectorRole role,
    ConnectorRuntime runtime,
    Path jobDirectory,
    List<String> files,
    List<String> args,
    Map<String, String> labels,
    Consumer<String> progress) {

  private static final Logger LOG = LoggerFactory.getLogger(LaunchRequest.class);

  /** A request whose launch progress goes to the worker's own log. */
  public LaunchRequest(String jobId, int attempt, ConnectorRole role, ConnectorRuntime runtime, Path jobDirectory,
      List<String> files, List<String> args, Map<String, String> labels) {
    this(jobId, attempt, role, runtime, jobDirectory, files, args, labels, LOG::info);
  }

  public LaunchRequest {
    Objects.requireNonNull(jobId, "jobId");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(runtime, "runtime");
    Objects.requireNonNull(jobDirectory, "jobDirectory");
    files = List.copyOf(files);
    args = List.copyOf(args);
    labels = labels == null ? Map.of() : Map.copyOf(labels);
    Objects.requireNonNull(progress, "progress");
  }

  /** The connector command: spec, check, discover, read or write. */
  public String command() {
    return args.isEmpty() ? "run" : args.get(0);
  }

  /** The arguments with file names replaced through {@code pathOf}. */
  public List<String> argsWithPaths(java.util.function.Function<String, String> pathOf) {
    return args.stream().map(a -> files.contains(a) ? pathOf.apply(a) : a).toList();
  }
}
