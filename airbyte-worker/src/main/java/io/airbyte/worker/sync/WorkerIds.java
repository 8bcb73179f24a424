package io.airbyte.worker.sync;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * A worker's id, recorded with every attempt it runs and written into the attempt's log: the configured
 * {@code AIRBYTE_WORKER_ID}, or else this machine's host name and the worker's pid ({@code host-4242}),
 * unique among the workers of one task queue (in a container the host name is the container's).
 */
public final class WorkerIds {

  /** What {@code AIRBYTE_WORKER_ID} may be: letters, digits and {@code . _ : @ -}, up to 100 characters. */
  static final String PATTERN = "[A-Za-z0-9._:@-]{1,100}";

  private WorkerIds() {}

  /** {@code <host name>-<pid>} of this JVM. */
  public static String local() {
    return hostName() + "-" + ProcessHandle.current().pid();
  }

  /** This machine's host name (a container's own, in a container), in the characters a worker id allows. */
  static String hostName() {
    try {
      String name = InetAddress.getLocalHost().getHostName();
      if (name != null && !name.isBlank()) {
        return name.replaceAll("[^A-Za-z0-9._-]", "_");
      }
    } catch (UnknownHostException e) {
      // a host without a resolvable name: the variable set by shells and container runtimes
    }
    String env = System.getenv("HOSTNAME");
    return env == null || env.isBlank() ? "localhost" : env.replaceAll("[^A-Za-z0-9._-]", "_");
  }
}
