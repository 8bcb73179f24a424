package io.airbyte.connectors.contract;

import io.airbyte.protocol.codec.AirbyteMessageReader;
import io.airbyte.protocol.codec.ProtocolLine;
import io.airbyte.protocol.models.AirbyteMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A connector run as a child process ({@code java -jar <connector>.jar <command> …}), as a worker would run it. */
final class ConnectorProcess {

  /** JVM options the connectors' Dockerfiles use, so the tests run them as they run in production. */
  static final List<String> JVM_OPTIONS = List.of("-XX:+UseSerialGC", "-Xmx256m");

  private ConnectorProcess() {}

  static Process start(ConnectorJar connector, Path stderr, String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(JVM_OPTIONS);
    command.add("-jar");
    command.add(connector.jar().toString());
    command.addAll(List.of(args));
    return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.appendTo(stderr.toFile())).start();
  }

  /**
   * How long one connector command may run in a test before it is killed and the test fails; the
   * test classes have a JUnit timeout of their own for the rest.
   */
  static final Duration TIMEOUT = Duration.ofMinutes(5);

  /** Runs a command to its end with empty stdin and returns what it printed. */
  static Output run(ConnectorJar connector, Path workDir, String... args) throws IOException, InterruptedException {
    Path stderr = Files.createTempFile(workDir, connector.module + "-", ".stderr");
    return finish(start(connector, stderr, args), connector, stderr, TIMEOUT, args);
  }

  /**
   * Reads {@code process}'s stdout to its end and waits for it to exit, for at most {@code timeout}:
   * a connector that hangs (stdout open, no exit) is killed and fails the test, naming the command.
   */
  static Output finish(Process process, ConnectorJar connector, Path stderr, Duration timeout, String... args)
      throws IOException, InterruptedException {
    String what = connector + " " + String.join(" ", args);
    try (Watchdog watchdog = new Watchdog(timeout, process)) {
      process.getOutputStream().close();
      Output output;
      try {
        output = Output.read(process.getInputStream(), connector, args[0]);
      } catch (IOException e) {
        watchdog.check(what);
        throw e;
      }
      process.waitFor();
      watchdog.check(what);
      return output.withExit(process.exitValue(), Files.readString(stderr));
    }
  }

  /** Everything a connector printed on stdout, split into messages and lines that are not messages. */
  record Output(List<AirbyteMessage> messages, List<ProtocolLine.NotAMessage> notMessages, int exitCode, String stderr) {

    /** Reads {@code connector}'s stdout for {@code command}, recording each message line in {@link CapturedLines}. */
    static Output read(InputStream stdout, ConnectorJar connector, String command) throws IOException {
      List<AirbyteMessage> messages = new ArrayList<>();
      List<ProtocolLine.NotAMessage> bad = new ArrayList<>();
      try (AirbyteMessageReader reader = new AirbyteMessageReader(stdout)) {
        for (ProtocolLine line = reader.next(); line != null; line = reader.next()) {
          if (line instanceof ProtocolLine.Message m) {
            messages.add(m.message());
            CapturedLines.record(connector, command, m.line());
          } else {
            bad.add((ProtocolLine.NotAMessage) line);
          }
        }
      }
      return new Output(messages, bad, -1, "");
    }

    Output withExit(int code, String err) {
      return new Output(messages, notMessages, code, err);
    }

    List<AirbyteMessage> ofType(AirbyteMessage.Type type) {
      return messages.stream().filter(m -> m.getType() == type).toList();
    }
  }
}
