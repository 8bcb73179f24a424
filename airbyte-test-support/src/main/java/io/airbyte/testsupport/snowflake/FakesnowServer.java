package io.airbyte.testsupport.snowflake;

import io.airbyte.testsupport.python.PythonVenvs;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

/**
 * One Snowflake emulator per test JVM: fakesnow's server mode (pinned in python-pins.properties, in a
 * shared virtual environment) on a free port of 127.0.0.1, started on first use and stopped at JVM
 * exit. The official snowflake-jdbc driver reaches it with {@code jdbc:snowflake://127.0.0.1:PORT}
 * and {@code ssl=off}; any user and password log in (fakesnow checks neither), databases are in
 * memory and shared by every connection. {@code fakesnow_server.py} carries two fixes of fakesnow
 * 0.12.1 that the driver needs (see the script).
 */
public final class FakesnowServer {

  private static FakesnowServer instance;

  private final Process process;
  private final int port;
  private final Path log;

  private FakesnowServer(Process process, int port, Path log) {
    this.process = process;
    this.port = port;
    this.log = log;
  }

  public static synchronized FakesnowServer get() {
    if (instance == null) {
      try {
        instance = start();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot start fakesnow", e);
      }
    }
    return instance;
  }

  private static FakesnowServer start() throws IOException {
    Path python = PythonVenvs.pinned("fakesnow-server", "fakesnow", "snowflake-connector-python", "starlette", "uvicorn");
    Path script = Files.createTempFile("fakesnow_server", ".py");
    script.toFile().deleteOnExit();
    try (InputStream in = FakesnowServer.class.getResourceAsStream("fakesnow_server.py")) {
      if (in == null) {
        throw new IllegalStateException("fakesnow_server.py is not on the class path");
      }
      Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
    }
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    Path log = Files.createTempFile("fakesnow", ".log");
    log.toFile().deleteOnExit();
    Process process = new ProcessBuilder(python.toString(), script.toString(), Integer.toString(port))
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    process.getOutputStream().close();
    Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
    FakesnowServer server = new FakesnowServer(process, port, log);
    server.awaitListening(Duration.ofSeconds(60));
    return server;
  }

  private void awaitListening(Duration timeout) throws IOException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IOException("fakesnow exited with " + process.exitValue() + ": " + Files.readString(log));
      }
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
        return;
      } catch (IOException notYet) {
        try {
          Thread.sleep(100);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IOException("interrupted while fakesnow starts", e);
        }
      }
    }
    process.destroyForcibly();
    throw new IOException("fakesnow did not listen on " + port + " within " + timeout + ": " + Files.readString(log));
  }

  /** What a destination config's {@code host} is: host and port. */
  public String hostAndPort() {
    return "127.0.0.1:" + port;
  }

  public int port() {
    return port;
  }

  /** The emulator's output so far (for a failing test's message). */
  public String log() {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      return "(cannot read " + log + ": " + e.getMessage() + ")";
    }
  }
}
