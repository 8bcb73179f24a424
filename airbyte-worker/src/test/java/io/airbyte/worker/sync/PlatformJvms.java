package io.airbyte.worker.sync;

import io.temporal.testserver.TestServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Platform processes of a test, each a JVM of its own on the test's class path (the scheduler, one worker or
 * several), configured by environment variables as a deployment configures them, each logging into
 * {@code <dir>/<name>.log}. {@link #close()} kills whatever is still running, connector processes included.
 */
final class PlatformJvms implements AutoCloseable {

  private final Path dir;
  private final Map<String, Process> processes = new LinkedHashMap<>();

  PlatformJvms(Path dir) {
    this.dir = dir;
  }

  /** Temporal's test server in real time on a free port, retried on another port should the port be taken meanwhile. */
  static BoundTemporal temporal() throws IOException {
    IOException last = null;
    for (int i = 0; i < 10; i++) {
      int port;
      try (ServerSocket socket = new ServerSocket(0)) {
        port = socket.getLocalPort();
      }
      try {
        return new BoundTemporal(port, TestServer.createPortBoundServer(port, true));
      } catch (RuntimeException taken) {
        last = new IOException("port " + port + ": " + taken, taken);
      }
    }
    throw last;
  }

  record BoundTemporal(int port, TestServer.PortBoundTestServer server) implements AutoCloseable {
    @Override
    public void close() {
      server.close();
    }
  }

  Process start(String name, String mainClass, Map<String, String> env) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder builder = new ProcessBuilder(java, "-Xmx256m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
        mainClass)
        .redirectErrorStream(true)
        .redirectOutput(log(name).toFile());
    builder.environment().putAll(env);
    Process process = builder.start();
    processes.put(name, process);
    return process;
  }

  Process get(String name) {
    return processes.get(name);
  }

  Path log(String name) {
    return dir.resolve(name + ".log");
  }

  /** Waits up to {@code seconds} for {@code condition}, failing at once (with the logs' tails) when a process expected alive ended. */
  void await(String what, int seconds, BooleanSupplier condition, String... expectedAlive) throws InterruptedException {
    long end = System.currentTimeMillis() + seconds * 1000L;
    while (!condition.getAsBoolean()) {
      for (String name : expectedAlive) {
        if (!processes.get(name).isAlive()) {
          throw new AssertionError(name + " ended while waiting for " + what + ": " + tails());
        }
      }
      if (System.currentTimeMillis() > end) {
        throw new AssertionError("not within " + seconds + " s: " + what + tails());
      }
      Thread.sleep(100);
    }
  }

  String tails() {
    StringBuilder out = new StringBuilder();
    for (String name : processes.keySet()) {
      try {
        List<String> lines = Files.exists(log(name)) ? Files.readAllLines(log(name)) : List.of();
        out.append("\n--- ").append(name).append(" ---\n")
            .append(String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size())));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return out.toString();
  }

  @Override
  public void close() throws InterruptedException {
    List<ProcessHandle> all = new ArrayList<>();
    for (Process p : processes.values()) {
      p.descendants().forEach(all::add);
      all.add(p.toHandle());
    }
    all.forEach(ProcessHandle::destroyForcibly);
    for (Process p : processes.values()) {
      p.waitFor();
    }
  }
}
