package io.airbyte.worker.replication;

import io.airbyte.contract.failure.FailureOrigin;
import io.airbyte.contract.failure.FailureType;
import io.airbyte.worker.failure.FailureReason;
import io.airbyte.worker.log.AttemptLog;
import io.airbyte.worker.log.StderrPump;
import io.airbyte.worker.process.ConnectorLaunchException;
import io.airbyte.worker.process.ConnectorProcess;
import io.airbyte.worker.process.ConnectorConfigs;
import io.airbyte.worker.process.ConnectorRole;
import io.airbyte.worker.process.JobDirectories;
import io.airbyte.protocol.rows.TypedRows;
import io.airbyte.worker.process.LaunchRequest;
import io.airbyte.worker.process.ProcessFactory;
import io.airbyte.worker.process.SecretFiles;
import io.airbyte.worker.state.StatePersistence;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.MDC;

/**
 * One attempt of a sync, running: source stdout → {@link SourceReader} → bounded {@link LineQueue}
 * → {@link DestinationWriter} → destination stdin; destination stdout → {@link DestinationReader} →
 * committed states; both stderrs → the attempt log. This class starts the connectors and threads,
 * watches them (heartbeat, cancellation, the first failure of either side) and turns the end into a
 * {@link ReplicationOutput}.
 */
public final class ReplicationRun {

  static final String SOURCE_CONFIG = "source_config.json";
  static final String SOURCE_CATALOG = "source_catalog.json";
  static final String INPUT_STATE = "input_state.json";
  static final String DESTINATION_CONFIG = "destination_config.json";
  static final String DESTINATION_CATALOG = "destination_catalog.json";
  private static final long WATCH_MILLIS = 200;

  private final ReplicationInput input;
  private final ProcessFactory processes;
  private final StatePersistence persistence;
  private final ReplicationSettings settings;
  private final Clock clock;
  private final JobDirectories directories;
  private final Path directory;
  private final SyncStats stats;
  private final AttemptFailures failures = new AttemptFailures();
  private final CountDownLatch wake = new CountDownLatch(1);
  private final CompletableFuture<ReplicationOutput> result = new CompletableFuture<>();
  private volatile boolean cancelled;
  /** Guards {@link #launching}: a cancellation interrupts the thread only while it launches a connector. */
  private final Object launch = new Object();
  private boolean launching;
  private Thread thread;

  ReplicationRun(ReplicationInput input, ProcessFactory processes, StatePersistence persistence,
      ReplicationSettings settings, JobDirectories directories, Clock clock) {
    this.input = input;
    this.processes = processes;
    this.persistence = persistence;
    this.settings = settings;
    this.clock = clock;
    this.directories = directories;
    this.directory = directories.attempt(input.jobId(), input.attempt());
    this.stats = new SyncStats(clock);
  }

  void start() {
    Thread thread = new Thread(() -> {
      try {
        result.complete(run());
      } catch (Throwable e) {
        result.completeExceptionally(e);
      }
    }, "replication-job-" + input.jobId() + "-attempt-" + input.attempt());
    synchronized (launch) {
      this.thread = thread;
    }
    thread.start();
  }

  /** Figures of the sync so far. */
  public SyncProgress progress() {
    return stats.snapshot();
  }

  /**
   * Stops both connectors now; the attempt ends as cancelled. A connector being launched (a Python
   * connector installed on its first use, an image pulled) is interrupted: pip stops at once.
   */
  public void cancel() {
    synchronized (launch) {
      cancelled = true;
      if (launching) {
        thread.interrupt();
      }
    }
    wake.countDown();
  }

  /** Whether records go as typed rows: both connectors declare the format, and there is a source. */
  private boolean typedRows() {
    return input.typedRows() && !input.clearing();
  }

  private ConnectorProcess launch(LaunchRequest request) throws ConnectorLaunchException {
    synchronized (launch) {
      if (cancelled) {
        throw new ConnectorLaunchException("Cancelled before the " + request.role().label() + " started");
      }
      launching = true;
    }
    try {
      return processes.create(request);
    } finally {
      synchronized (launch) {
        launching = false;
        Thread.interrupted(); // an interrupt meant for the launch ends with it; the cancellation is in cancelled
      }
    }
  }

  private FailureReason launchFailure(FailureOrigin origin, ConnectorLaunchException e) {
    return cancelled
        ? FailureReason.of(FailureOrigin.PLATFORM, FailureType.MANUAL_CANCELLATION, "The sync was cancelled", e.getMessage())
        : FailureReason.fromException(origin, FailureType.SYSTEM_ERROR, e.getMessage(), e);
  }

  /** Waits for the end of the attempt. */
  public ReplicationOutput await() throws InterruptedException {
    try {
      return result.get();
    } catch (ExecutionException e) {
      throw new IllegalStateException("the replication engine crashed", e.getCause());
    }
  }

  /** Waits at most {@code timeout} for the end of the attempt; true when it has ended. */
  public boolean awaitDone(Duration timeout) throws InterruptedException {
    try {
      result.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (TimeoutException stillRunning) {
      return false;
    } catch (ExecutionException crashed) {
      return true; // await() reports it
    }
  }

  public Path logPath() {
    return directory.resolve(AttemptLog.FILE_NAME);
  }

  private ReplicationOutput run() {
    Map<String, String> mdc = Map.of("job_id", input.jobId(), "attempt", Integer.toString(input.attempt()),
        "connection_id", input.connectionId());
    mdc.forEach(MDC::put);
    // each side's configuration (secrets in clear) exists while its connector runs, whatever the end
    try (AttemptLog log = AttemptLog.in(directory, clock); SecretFiles sourceSecrets = directories.secretFiles(directory);
        SecretFiles destinationSecrets = directories.secretFiles(directory)) {
      log.platform("Replication of connection " + input.connectionId() + ", job " + input.jobId() + ", attempt "
          + input.attempt() + ": " + (input.clearing() ? "clearing the streams of" : input.source().describe() + " →")
          + " " + input.destination().describe());
      CatalogMapping mapping = new CatalogMapping(input.catalog(), input.fieldSelections(), input.namespaceMapping());
      StateTracker states = new StateTracker(persistence, input.connectionId(), stats, log);
      try {
        return replicate(log, mapping, states, sourceSecrets, destinationSecrets);
      } catch (RuntimeException e) {
        failures.add(FailureReason.fromException(FailureOrigin.REPLICATION, FailureType.SYSTEM_ERROR,
            "The replication engine failed: " + e, e));
        return finish(log, states);
      }
    } finally {
      mdc.keySet().forEach(MDC::remove);
    }
  }

  private ReplicationOutput replicate(AttemptLog log, CatalogMapping mapping, StateTracker states,
      SecretFiles sourceSecrets, SecretFiles destinationSecrets) {
    List<String> sourceFiles = new ArrayList<>(List.of(SOURCE_CONFIG, SOURCE_CATALOG));
    List<String> readArgs = new ArrayList<>(List.of("read", "--config", SOURCE_CONFIG, "--catalog", SOURCE_CATALOG));
    if (!input.clearing()) {
      JobDirectories.writeJson(directory, SOURCE_CATALOG, mapping.sourceCatalog());
      if (!input.state().isEmpty()) {
        JobDirectories.writeJson(directory, INPUT_STATE, input.state());
        sourceFiles.add(INPUT_STATE);
        readArgs.addAll(List.of("--state", INPUT_STATE));
        log.platform("Starting from " + input.state().size() + " committed state message(s)");
      }
    }
    List<String> writeArgs = new ArrayList<>(List.of("write", "--config", DESTINATION_CONFIG, "--catalog", DESTINATION_CATALOG));
    if (typedRows()) {
      readArgs.addAll(List.of(TypedRows.OPTION, TypedRows.FORMAT));
      writeArgs.addAll(List.of(TypedRows.OPTION, TypedRows.FORMAT));
      log.platform("Records go as " + TypedRows.FORMAT + ": both connectors declare the format");
    }
    JobDirectories.writeJson(directory, DESTINATION_CATALOG, mapping.destinationCatalog());
    Map<String, String> labels = Map.of("io.airbyte.connection-id", input.connectionId());

    ConnectorProcess destination;
    ConnectorProcess source;
    try {
      destinationSecrets.writeJson(DESTINATION_CONFIG, input.destinationConfig());
      destination = launch(new LaunchRequest(input.jobId(), input.attempt(), ConnectorRole.DESTINATION,
          input.destination(), directory, List.of(DESTINATION_CONFIG, DESTINATION_CATALOG),
          writeArgs, labels, log::platform));
      destinationSecrets.removeWhenEnded(destination);
      stats.timeline.destinationStarted();
    } catch (ConnectorLaunchException e) {
      failures.add(launchFailure(FailureOrigin.DESTINATION, e));
      return finish(log, states);
    }
    if (input.clearing()) {
      try (destination) {
        return pipe(log, mapping, states, EmptySource.start(mapping), destination);
      }
    }
    try {
      sourceSecrets.writeJson(SOURCE_CONFIG, ConnectorConfigs.forLaunch(input.source(), input.sourceConfig()));
      source = launch(new LaunchRequest(input.jobId(), input.attempt(), ConnectorRole.SOURCE, input.source(),
          directory, sourceFiles, readArgs, labels, log::platform));
      sourceSecrets.removeWhenEnded(source);
      stats.timeline.sourceStarted();
    } catch (ConnectorLaunchException e) {
      destination.kill();
      failures.add(launchFailure(FailureOrigin.SOURCE, e));
      return finish(log, states);
    } catch (RuntimeException e) {
      destination.kill(); // the engine's failure: no destination left running
      throw e;
    }
    try (source; destination) {
      return pipe(log, mapping, states, source, destination);
    }
  }

  private ReplicationOutput pipe(AttemptLog log, CatalogMapping mapping, StateTracker states, ConnectorProcess source,
      ConnectorProcess destination) {
    StderrPump sourceErr = StderrPump.start(source.stderr(), log, "source");
    StderrPump destinationErr = StderrPump.start(destination.stderr(), log, "destination");
    LineQueue queue = new LineQueue(settings.queueBytes());
    SourceReader sourceReader = new SourceReader(source.stdout(), settings.maxLineBytes(), mapping, queue, states, stats, log,
        failures, typedRows());
    DestinationWriter writer = new DestinationWriter(destination.stdin(), queue, failures, stats.timeline);
    DestinationReader destinationReader = new DestinationReader(destination.stdout(), states, stats, log, failures);
    Thread readSource = thread(sourceReader, "source-reader");
    Thread writeDestination = thread(writer, "destination-writer");
    Thread readDestination = thread(destinationReader, "destination-reader");

    boolean sourceStopped = false;
    boolean destinationStopped = false;
    long heartbeatNanos = settings.heartbeatTimeout().toNanos();
    try {
      while (readSource.isAlive() || writeDestination.isAlive() || readDestination.isAlive()) {
        wake.await(WATCH_MILLIS, TimeUnit.MILLISECONDS);
        if (cancelled) {
          log.platform("Cancelled: stopping the source and the destination");
          failures.add(FailureReason.of(FailureOrigin.PLATFORM, FailureType.MANUAL_CANCELLATION,
              "The sync was cancelled", null));
          stopSource(sourceReader, source);
          stopDestination(writer, destinationReader, destination, queue);
          sourceStopped = destinationStopped = true;
          break;
        }
        if (!sourceStopped && readSource.isAlive() && sourceReader.silentNanos() > heartbeatNanos) {
          failures.add(FailureReason.of(FailureOrigin.SOURCE, FailureType.HEARTBEAT_TIMEOUT,
              "The source sent nothing for " + settings.heartbeatTimeout() + " (heartbeat timeout)", null));
          log.platformWarn("The source is silent beyond the heartbeat timeout; stopping it");
          stopSource(sourceReader, source);
          sourceStopped = true;
        }
        boolean destinationGone = writer.failed() || (!readDestination.isAlive() && readSource.isAlive())
            || failures.has(FailureOrigin.DESTINATION);
        boolean engineFailed = failures.has(FailureOrigin.REPLICATION) || failures.has(FailureOrigin.PLATFORM);
        if (!sourceStopped && (destinationGone || engineFailed) && readSource.isAlive()) {
          log.platformWarn("The destination (or the engine) failed; stopping the source");
          stopSource(sourceReader, source);
          sourceStopped = true;
        }
        if (!destinationStopped && engineFailed) {
          stopDestination(writer, destinationReader, destination, queue);
          destinationStopped = true;
        }
      }
      join(readSource, readDestination, writeDestination);
      awaitExit(log, source, sourceStopped);
      awaitExit(log, destination, destinationStopped);
      sourceErr.awaitEnd(2000);
      destinationErr.awaitEnd(2000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      failures.add(FailureReason.of(FailureOrigin.PLATFORM, FailureType.MANUAL_CANCELLATION,
          "The sync was cancelled (the worker was interrupted)", null));
      stopSource(sourceReader, source);
      stopDestination(writer, destinationReader, destination, queue);
      sourceStopped = destinationStopped = true;
    }
    exitFailure(source, sourceStopped, FailureOrigin.SOURCE, sourceErr);
    exitFailure(destination, destinationStopped, FailureOrigin.DESTINATION, destinationErr);
    return finish(log, states);
  }

  private void stopSource(SourceReader reader, ConnectorProcess source) {
    reader.stopping();
    source.kill();
  }

  private void stopDestination(DestinationWriter writer, DestinationReader reader, ConnectorProcess destination,
      LineQueue queue) {
    writer.stopping();
    reader.stopping();
    queue.abort();
    destination.kill();
  }

  private void awaitExit(AttemptLog log, ConnectorProcess process, boolean stopped) throws InterruptedException {
    if (!stopped && !process.waitFor(settings.exitTimeout())) {
      log.platformWarn(process.name() + " did not exit within " + settings.exitTimeout() + " of the end of its stream; killing it");
      process.kill();
    }
  }

  private void exitFailure(ConnectorProcess process, boolean stopped, FailureOrigin origin, StderrPump stderr) {
    if (stopped || process.isAlive()) {
      return;
    }
    int exit = process.exitCode();
    if (exit != 0) {
      String side = origin == FailureOrigin.SOURCE ? "source" : "destination";
      failures.addUnlessFailed(origin, FailureReason.of(origin, FailureType.SYSTEM_ERROR,
          "The " + side + " failed (exit code " + exit + ")", String.join("\n", stderr.lastLines())));
    }
  }

  private ReplicationOutput finish(AttemptLog log, StateTracker states) {
    List<FailureReason> list = failures.list();
    ReplicationStatus status = cancelled ? ReplicationStatus.CANCELLED
        : list.isEmpty() ? ReplicationStatus.COMPLETED : ReplicationStatus.FAILED;
    if (status == ReplicationStatus.COMPLETED) {
      stats.commitAll();
      if (states.pendingCount() > 0) {
        log.platformWarn(states.pendingCount() + " state(s) sent to the destination were never echoed; they are not committed");
      }
    }
    SyncProgress figures = stats.snapshot();
    log.platform("Replication " + status.name().toLowerCase() + ": " + figures.recordsEmitted() + " records ("
        + figures.bytesEmitted() + " bytes) emitted, " + figures.recordsCommitted() + " committed, "
        + figures.stateMessagesCommitted() + " of " + figures.stateMessagesEmitted() + " states committed, in "
        + Duration.ofMillis(figures.elapsedMillis()));
    log.platform("Timeline: " + stats.timeline.describe());
    for (FailureReason failure : list) {
      log.platformWarn("Failure (" + failure.failureOrigin().value() + ", " + failure.failureType().value() + "): "
          + failure.externalMessage());
    }
    return new ReplicationOutput(status, list, figures, states.lastCommitted(), log.path());
  }

  private Thread thread(Runnable body, String role) {
    Map<String, String> context = MDC.getCopyOfContextMap();
    Thread thread = new Thread(() -> {
      if (context != null) {
        MDC.setContextMap(context);
      }
      body.run();
    }, role + "-job-" + input.jobId() + "-attempt-" + input.attempt());
    thread.setDaemon(true);
    thread.start();
    return thread;
  }

  private static void join(Thread... threads) throws InterruptedException {
    for (Thread t : threads) {
      t.join(10_000);
    }
  }
}
