package io.airbyte.connector.kit;

import com.fasterxml.jackson.databind.JsonNode;
import io.airbyte.protocol.codec.AirbyteMessageWriter;
import io.airbyte.protocol.config.ConfigValidator;
import io.airbyte.protocol.json.Jsons;
import io.airbyte.protocol.models.AirbyteConnectionStatus;
import io.airbyte.protocol.models.AirbyteErrorTraceMessage.FailureType;
import io.airbyte.protocol.models.AirbyteLogMessage;
import io.airbyte.protocol.models.AirbyteMessage;
import io.airbyte.protocol.models.ConfiguredAirbyteCatalog;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * Runs a connector from its command line, as Airbyte's platform calls it:
 * {@code spec | check --config F | discover --config F | read --config F --catalog F [--state F] |
 * write --config F --catalog F} (messages on stdin for write).
 *
 * <p>The config is validated against the connector's spec before the connector sees it. {@code
 * check} always answers with a CONNECTION_STATUS and exits 0; when it failed for a reason that is not
 * the config's (a transient or system error, as {@link Failure} classifies it: the database refused the
 * connection, a timeout), a TRACE ERROR with that failure type comes before the FAILED status, as
 * Airbyte's CDK emits one with a failed check. The other commands turn a failure into a TRACE ERROR
 * with its failure type and exit 1 (2 for a wrong command line).
 */
public final class ConnectorRunner {

  static final int EXIT_OK = 0;
  static final int EXIT_FAILED = 1;
  static final int EXIT_USAGE = 2;

  private final Connector connector;
  private final InputStream stdin;
  private final Emitter output;
  private final Map<String, String> environment;

  public ConnectorRunner(Connector connector, InputStream stdin, OutputStream stdout, Clock clock) {
    this(connector, stdin, stdout, clock, Map.of());
  }

  /** @param environment the process's environment (for {@link RecordSizeLimit#VARIABLE}) */
  public ConnectorRunner(Connector connector, InputStream stdin, OutputStream stdout, Clock clock,
      Map<String, String> environment) {
    this.connector = connector;
    this.stdin = stdin;
    this.output = new Emitter(new AirbyteMessageWriter(stdout), clock);
    this.environment = Map.copyOf(environment);
  }

  /**
   * The {@code main} of a connector: protocol messages go to the real stdout, anything else printed
   * to {@code System.out} goes to stderr, logs become LOG messages, and the process exits with the
   * runner's code.
   */
  public static void main(Connector connector, String[] args) {
    OutputStream stdout = new FileOutputStream(FileDescriptor.out);
    System.setOut(new PrintStream(new FileOutputStream(FileDescriptor.err), true));
    ConnectorRunner runner = new ConnectorRunner(connector, System.in, stdout, Clock.systemUTC(), System.getenv());
    ProtocolLogHandler.install(runner.output, ProtocolLogHandler.levelFromEnvironment(System.getenv("LOG_LEVEL")));
    int code = runner.run(args);
    System.exit(code);
  }

  /** Emitter of this run, for the log handler. */
  public Emitter output() {
    return output;
  }

  public int run(String... args) {
    Invocation invocation;
    try {
      invocation = Invocation.parse(List.of(args));
    } catch (Invocation.UsageException e) {
      output.error(new Failure(FailureType.SYSTEM_ERROR, e.getMessage()), null);
      output.flush();
      return EXIT_USAGE;
    }
    try {
      if (invocation.command() == Invocation.Command.CHECK) {
        return check(invocation);
      }
      runCommand(invocation);
      return EXIT_OK;
    } catch (Invocation.UsageException e) {
      output.error(new Failure(FailureType.SYSTEM_ERROR, e.getMessage()), null);
      return EXIT_USAGE;
    } catch (Throwable e) {
      Failure failure = Failure.of(e);
      report(() -> {
        output.log(AirbyteLogMessage.Level.ERROR, invocation.command().name().toLowerCase() + " failed: "
            + failure.message(), e);
        output.error(failure, e);
      }, e);
      return EXIT_FAILED;
    } finally {
      report(output::flush, null);
    }
  }

  /** Reports on stdout; when stdout itself is broken (the platform went away), on stderr. */
  private static void report(Runnable action, Throwable failure) {
    try {
      action.run();
    } catch (RuntimeException e) {
      System.err.println("cannot write to stdout (" + e.getMessage() + ")"
          + (failure == null ? "" : "; the failure was: " + Emitter.stackTrace(failure)));
    }
  }

  private int check(Invocation invocation) {
    AirbyteConnectionStatus status;
    try {
      JsonNode config = validConfig(invocation.config());
      connector.check(config);
      status = new AirbyteConnectionStatus().withStatus(AirbyteConnectionStatus.Status.SUCCEEDED);
    } catch (Exception e) {
      Failure failure = Failure.of(e);
      output.log(AirbyteLogMessage.Level.INFO, "check failed: " + failure.message(), e);
      if (failure.type() != FailureType.CONFIG_ERROR) {
        // not the config's fault (the database is down, a timeout, a bug): the trace tells the platform the
        // failure's type, so a sync's pre-sync check that meets it is retried, as a crash later would be
        output.error(failure, e);
      }
      status = new AirbyteConnectionStatus().withStatus(AirbyteConnectionStatus.Status.FAILED)
          .withMessage(failure.message());
    }
    output.connectionStatus(status);
    return EXIT_OK;
  }

  private void runCommand(Invocation invocation) throws Exception {
    switch (invocation.command()) {
      case SPEC -> output.emit(new AirbyteMessage().withType(AirbyteMessage.Type.SPEC).withSpec(connector.spec()));
      case DISCOVER -> output.emit(new AirbyteMessage().withType(AirbyteMessage.Type.CATALOG)
          .withCatalog(source(invocation).discover(validConfig(invocation.config()))));
      case READ -> {
        Source source = source(invocation);
        JsonNode config = validConfig(invocation.config());
        JsonNode state = invocation.state() == null ? null : inputFile(invocation.state());
        if (invocation.typedRows()) {
          output.useTypedRows();
        }
        source.read(config, catalog(invocation.catalog()), state, output);
      }
      case WRITE -> {
        Destination destination = destination(invocation);
        JsonNode config = validConfig(invocation.config());
        RecordSizeLimit limit = RecordSizeLimit.fromEnvironment(environment.get(RecordSizeLimit.VARIABLE),
            destination.maxRecordBytes(config));
        MessageInput input = new MessageInput(stdin, limit, output);
        if (invocation.typedRows()) {
          input.acceptTypedRows();
        }
        destination.write(config, catalog(invocation.catalog()), input, output);
      }
      default -> throw new IllegalStateException("unhandled command " + invocation.command());
    }
  }

  private JsonNode validConfig(Path file) {
    JsonNode config;
    try {
      config = inputFile(file);
    } catch (IllegalArgumentException e) {
      throw new ConfigErrorException("The config file " + e.getMessage(), e);
    }
    List<String> problems = ConfigValidator.validate(connector.spec().getConnectionSpecification(), config);
    if (!problems.isEmpty()) {
      throw new ConfigErrorException("The configuration is invalid: " + String.join("; ", problems));
    }
    return config;
  }

  private static ConfiguredAirbyteCatalog catalog(Path file) {
    return Jsons.convert(inputFile(file), ConfiguredAirbyteCatalog.class);
  }

  /** A file the platform hands over; not being able to read it is the platform's failure, not a transient one. */
  private static JsonNode inputFile(Path file) {
    try {
      return Jsons.readFile(file);
    } catch (UncheckedIOException e) {
      // no cause attached: the I/O error underneath must not make this look transient
      throw new IllegalStateException("cannot read " + file + ": " + e.getCause());
    }
  }

  private Source source(Invocation invocation) {
    if (connector instanceof Source source) {
      return source;
    }
    throw new Invocation.UsageException("this connector is a destination: it has no '"
        + invocation.command().name().toLowerCase() + "'");
  }

  private Destination destination(Invocation invocation) {
    if (connector instanceof Destination destination) {
      return destination;
    }
    throw new Invocation.UsageException("this connector is a source: it has no 'write'");
  }
}
