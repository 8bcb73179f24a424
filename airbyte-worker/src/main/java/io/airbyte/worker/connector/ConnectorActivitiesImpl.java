package io.airbyte.worker.connector;

import com.fasterxml.jackson.databind.JsonNode;
import io.airbyte.contract.connector.ConnectorRuntime;
import io.airbyte.contract.failure.FailureOrigin;
import io.airbyte.contract.failure.FailureType;
import io.airbyte.protocol.codec.AirbyteMessageReader;
import io.airbyte.protocol.codec.ProtocolLine;
import io.airbyte.protocol.models.AirbyteCatalog;
import io.airbyte.protocol.models.AirbyteConnectionStatus;
import io.airbyte.protocol.models.AirbyteMessage;
import io.airbyte.protocol.models.AirbyteTraceMessage;
import io.airbyte.protocol.models.ConnectorSpecification;
import io.airbyte.worker.failure.FailureReason;
import io.airbyte.worker.log.AttemptLog;
import io.airbyte.worker.log.ConnectorMessages;
import io.airbyte.worker.log.StderrPump;
import io.airbyte.protocol.json.Jsons;
import io.airbyte.worker.process.ConnectorConfigs;
import io.airbyte.worker.process.ConnectorLaunchException;
import io.airbyte.worker.process.ConnectorProcess;
import io.airbyte.worker.process.ConnectorRole;
import io.airbyte.worker.process.JobDirectories;
import io.airbyte.worker.process.LaunchRequest;
import io.airbyte.worker.process.ProcessFactory;
import io.airbyte.worker.process.SecretFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;

/** Runs spec, check and discover through a {@link ProcessFactory}, each in a job directory of its own. */
public final class ConnectorActivitiesImpl implements ConnectorActivities {

  private static final String CONFIG_FILE = "connector_config.json";

  private final ProcessFactory processes;
  private final JobDirectories directories;
  private final Duration timeout;
  private final Clock clock;
  private final Consumer<String> reported;

  public ConnectorActivitiesImpl(ProcessFactory processes, JobDirectories directories, Duration timeout, Clock clock) {
    this(processes, directories, timeout, clock, line -> { });
  }

  private ConnectorActivitiesImpl(ProcessFactory processes, JobDirectories directories, Duration timeout, Clock clock,
      Consumer<String> reported) {
    this.processes = processes;
    this.directories = directories;
    this.timeout = timeout;
    this.clock = clock;
    this.reported = reported;
  }

  @Override
  public ConnectorActivities reporting(Consumer<String> lines) {
    return new ConnectorActivitiesImpl(processes, directories, timeout, clock, lines);
  }

  @Override
  public ConnectorJobResult<ConnectorSpecification> spec(ConnectorRuntime connector) {
    if (connector instanceof ConnectorRuntime.DeclarativeManifest manifest) {
      // source-declarative-manifest answers spec with its generic one: a manifest's spec is its own
      Path dir = directories.attempt("spec-" + UUID.randomUUID(), 0);
      try (AttemptLog log = AttemptLog.in(dir, clock)) {
        log.platform("The spec of " + connector.describe() + " is the manifest's spec.connection_specification; "
            + "spec is not run");
        return new ConnectorJobResult<>(Jsons.convert(manifest.spec(), ConnectorSpecification.class), null, log.path());
      }
    }
    return run(ConnectorRole.CONNECTOR, connector, null, List.of("spec"), AirbyteMessage.Type.SPEC, AirbyteMessage::getSpec);
  }

  @Override
  public ConnectorJobResult<AirbyteConnectionStatus> check(ConnectorRole role, ConnectorRuntime connector, JsonNode config) {
    ConnectorJobResult<AirbyteConnectionStatus> result = run(role, connector, config,
        List.of("check", "--config", CONFIG_FILE), AirbyteMessage.Type.CONNECTION_STATUS, AirbyteMessage::getConnectionStatus);
    // a FAILED status that comes with a transient or system error trace (the database refused the connection)
    // stays a failed job with both: a pre-sync check retries it, "test connection" answers the status
    if (result.succeeded() || result.failure().failureType() != FailureType.CONFIG_ERROR) {
      return result;
    }
    // a config the connector rejects (exit 1 with a config_error trace) is an answer to "check" as well
    AirbyteConnectionStatus failed = new AirbyteConnectionStatus()
        .withStatus(AirbyteConnectionStatus.Status.FAILED)
        .withMessage(result.failure().externalMessage());
    return new ConnectorJobResult<>(failed, null, result.logPath());
  }

  @Override
  public ConnectorJobResult<AirbyteCatalog> discover(ConnectorRuntime connector, JsonNode config) {
    return run(ConnectorRole.SOURCE, connector, config, List.of("discover", "--config", CONFIG_FILE),
        AirbyteMessage.Type.CATALOG, AirbyteMessage::getCatalog);
  }

  private <T> ConnectorJobResult<T> run(ConnectorRole role, ConnectorRuntime connector, JsonNode config,
      List<String> args, AirbyteMessage.Type expected, Function<AirbyteMessage, T> payload) {
    String jobId = args.get(0) + "-" + UUID.randomUUID();
    Path dir = directories.attempt(jobId, 0);
    FailureOrigin origin = role == ConnectorRole.DESTINATION ? FailureOrigin.DESTINATION : FailureOrigin.SOURCE;
    String tag = role == ConnectorRole.CONNECTOR ? "connector" : role.label();
    String what = role == ConnectorRole.CONNECTOR ? "The connector" : "The " + tag + " connector";
    // the configuration (secrets in clear) exists while the connector runs, whatever its end
    try (AttemptLog log = AttemptLog.in(dir, clock); SecretFiles secrets = directories.secretFiles(dir)) {
      List<String> files = List.of();
      if (config != null) {
        secrets.writeJson(CONFIG_FILE, ConnectorConfigs.forLaunch(connector, config));
        files = List.of(CONFIG_FILE);
      }
      Consumer<String> platform = line -> {
        log.platform(line);
        reported.accept(line);
      };
      platform.accept("Running " + args.get(0) + " of " + connector.describe());
      LaunchRequest request = new LaunchRequest(jobId, 0, role, connector, dir, files, args, Map.of(), platform);
      ConnectorProcess process;
      try {
        process = processes.create(request);
        secrets.removeWhenEnded(process);
      } catch (ConnectorLaunchException e) {
        log.platformWarn(e.getMessage());
        reported.accept(e.getMessage());
        return new ConnectorJobResult<>(null, FailureReason.fromException(FailureOrigin.PLATFORM, FailureType.SYSTEM_ERROR,
            e.getMessage(), e), log.path());
      }
      try (process) {
        return collect(process, log, tag, what, origin, expected, payload);
      }
    }
  }

  private <T> ConnectorJobResult<T> collect(ConnectorProcess process, AttemptLog log, String tag, String what,
      FailureOrigin origin,
      AirbyteMessage.Type expected, Function<AirbyteMessage, T> payload) {
    StderrPump stderr = StderrPump.start(process.stderr(), log, tag);
    T output = null;
    FailureReason traced = null;
    try {
      process.stdin().close();
      java.util.concurrent.atomic.AtomicBoolean timedOut = new java.util.concurrent.atomic.AtomicBoolean();
      // a connector that neither answers nor exits is stopped at the timeout
      Thread watchdog = new Thread(() -> {
        try {
          if (!process.waitFor(timeout)) {
            log.platformWarn(process.name() + " did not finish within " + timeout + "; stopping it");
            timedOut.set(true);
            process.kill();
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }, "watchdog-" + process.name());
      watchdog.setDaemon(true);
      watchdog.start();
      try (AirbyteMessageReader messages = new AirbyteMessageReader(process.stdout())) {
        ProtocolLine line;
        while ((line = messages.next()) != null) {
          if (line instanceof ProtocolLine.Message m) {
            AirbyteMessage message = m.message();
            if (message.getType() == expected && output == null) {
              output = payload.apply(message);
            } else if (message.getType() == AirbyteMessage.Type.TRACE
                && message.getTrace().getType() == AirbyteTraceMessage.Type.ERROR && traced == null) {
              traced = FailureReason.fromTrace(origin, message.getTrace().getError(), ConnectorMessages.emittedAt(message.getTrace()));
            }
            ConnectorMessages.log(log, tag, message);
          } else if (line instanceof ProtocolLine.NotAMessage bad) {
            log.connector(tag, "STDOUT", bad.excerpt(2000));
          }
        }
      }
      boolean ended = process.waitFor(timeout);
      stderr.awaitEnd(2000);
      watchdog.interrupt();
      if (!ended || timedOut.get()) {
        process.kill();
        return failed(log, FailureReason.of(origin, FailureType.SYSTEM_ERROR,
            process.name() + " did not finish within " + timeout, String.join("\n", stderr.lastLines())));
      }
      int exit = process.exitCode();
      if (traced != null) {
        // what the connector answered stays with it: a check's FAILED status with the failure it traced
        return failed(log, traced, output);
      }
      if (exit != 0) {
        return failed(log, FailureReason.of(origin, FailureType.SYSTEM_ERROR,
            what + " failed (exit code " + exit + ")", String.join("\n", stderr.lastLines())));
      }
      if (output == null) {
        return failed(log, FailureReason.of(origin, FailureType.SYSTEM_ERROR,
            what + " ended without a " + expected + " message", String.join("\n", stderr.lastLines())));
      }
      log.platform(expected + " received");
      return new ConnectorJobResult<>(output, null, log.path());
    } catch (IOException e) {
      process.kill();
      return failed(log, FailureReason.fromException(FailureOrigin.PLATFORM, FailureType.TRANSIENT_ERROR,
          "Lost the connection to " + process.name() + ": " + e.getMessage(), e));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.kill();
      return failed(log, FailureReason.of(FailureOrigin.PLATFORM, FailureType.MANUAL_CANCELLATION,
          "Cancelled", "interrupted while running " + process.name()));
    }
  }

  private static <T> ConnectorJobResult<T> failed(AttemptLog log, FailureReason failure) {
    return failed(log, failure, null);
  }

  private static <T> ConnectorJobResult<T> failed(AttemptLog log, FailureReason failure, T answered) {
    log.platformWarn("Failed: " + failure.externalMessage());
    return new ConnectorJobResult<>(answered, failure, log.path());
  }
}
