package io.airbyte.worker.process;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;
import io.airbyte.contract.connector.ConnectorRuntime;
import io.airbyte.contract.connector.ConnectorRuntime.DockerImage;
import io.airbyte.contract.connector.ConnectorRuntime.PythonPackage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs connectors in Docker containers: a Docker image as it is, a built-in jar as our image of it
 * ({@code airbyte/<name>:<tag>}, the tag the worker is configured with). The stdio goes through a
 * {@code docker run --rm -i --init} child process, because attaching to a container's stdin with
 * docker-java never delivers EOF;
 * docker-java does the rest: image presence and pulls, kill, and removing leftover containers.
 * The attempt's job directory is mounted read-only at {@code /config}; containers carry labels
 * (job, attempt, role) and the configured network, memory and CPU limits. The job files are
 * {@code rw-------} in {@code rwx------} directories ({@link JobDirectories}): a container running as
 * root reads them (root's capabilities in a container include overriding file modes); an image whose
 * user is another one (Airbyte's images run as {@code airbyte}) runs as the job directory's owner
 * ({@code --user uid:gid}), the one other user that may read them.
 */
public final class DockerProcessFactory implements ProcessFactory {

  static final String MANAGED_LABEL = "io.airbyte.managed-by";
  static final String MANAGED_VALUE = "airbyte-worker";
  /** Which worker started a container: a worker's start-up removes its own leftovers, never another worker's. */
  static final String OWNER_LABEL = "io.airbyte.worker-owner";
  private static final String CONFIG_MOUNT = "/config";
  private static final String WORKSPACE_MOUNT = "/workspace";
  private static final Logger LOG = LoggerFactory.getLogger(DockerProcessFactory.class);

  private final DockerClient docker;
  private final DockerSettings settings;
  private final String builtInTag;
  private final String dockerCommand;
  private final String owner;

  /** {@code builtInTag}: the tag of our images of the built-in connectors ({@code AIRBYTE_CONNECTOR_TAG}). */
  public DockerProcessFactory(DockerClient docker, DockerSettings settings, String builtInTag) {
    this(docker, settings, builtInTag, "docker", null);
  }

  /**
   * The factory of the worker {@code owner} (its configured id, or its host name: in a container, the container's), which
   * labels its containers with it, so that with several workers on one Docker host ({@code docker compose up --scale
   * worker=2}) a worker starting removes only its own leftovers; {@code null}: no owner (containers without one).
   */
  public DockerProcessFactory(DockerClient docker, DockerSettings settings, String builtInTag, String owner) {
    this(docker, settings, builtInTag, "docker", owner);
  }

  DockerProcessFactory(DockerClient docker, DockerSettings settings, String builtInTag, String dockerCommand, String owner) {
    this.docker = docker;
    this.settings = settings;
    this.builtInTag = builtInTag;
    this.dockerCommand = dockerCommand;
    this.owner = owner;
  }

  /**
   * The image that runs {@code runtime}. A Python package has none yet: it runs as a local process,
   * installed into a virtual environment of its own (images of Python connectors are not built). A
   * declarative manifest runs in Airbyte's {@code airbyte/source-declarative-manifest} image at its CDK
   * version, the manifest in its config ({@link ConnectorConfigs}), as Airbyte runs it.
   */
  String image(ConnectorRuntime runtime) throws ConnectorLaunchException {
    return runtime.match(DockerImage::reference, jar -> jar.image(builtInTag).reference(), DockerProcessFactory::refuse,
        manifest -> manifest.image().reference());
  }

  private static String refuse(PythonPackage python) throws ConnectorLaunchException {
    throw new ConnectorLaunchException("Connector " + python.describe() + " is a Python package; it runs as a local process "
        + "(AIRBYTE_PROCESS_FACTORY=local), not in Docker: this platform does not build images of Python connectors yet");
  }

  @Override
  public ConnectorProcess create(LaunchRequest request) throws ConnectorLaunchException {
    String image = image(request.runtime());
    String user = runAs(ensureImage(image), request.jobDirectory());
    String name = ProcessNames.of(request);
    List<String> command = command(request, name, user);
    // the command line without -e values, which may hold secrets
    LOG.info("Starting container {} of {}{}: {}", name, image, user == null ? "" : " as " + user,
        String.join(" ", request.args()));
    try {
      Process process = new ProcessBuilder(command).start();
      return new ChildProcess(name, process, () -> killContainer(name));
    } catch (IOException e) {
      throw new ConnectorLaunchException("Cannot run the docker command line for " + image + ": " + e.getMessage(), e);
    }
  }

  List<String> command(LaunchRequest request, String name) throws ConnectorLaunchException {
    return command(request, name, null);
  }

  /** The {@code docker run} command line; {@code user} ({@code uid:gid}) the user to run as, null: the image's. */
  List<String> command(LaunchRequest request, String name, String user) throws ConnectorLaunchException {
    List<String> command = new ArrayList<>(List.of(dockerCommand, "run", "--rm", "-i", "--init", "--name", name));
    if (user != null) {
      command.addAll(List.of("--user", user));
    }
    labels(request).forEach((k, v) -> command.addAll(List.of("--label", k + "=" + v)));
    if (settings.network() != null && !settings.network().isBlank()) {
      command.addAll(List.of("--network", settings.network()));
    }
    if (settings.memoryLimit() != null && !settings.memoryLimit().isBlank()) {
      command.addAll(List.of("--memory", settings.memoryLimit()));
    }
    if (settings.cpuLimit() != null && !settings.cpuLimit().isBlank()) {
      command.addAll(List.of("--cpus", settings.cpuLimit()));
    }
    settings.environment().forEach((k, v) -> command.addAll(List.of("-e", k + "=" + v)));
    String filesDir;
    if (settings.workspaceVolume() == null || settings.workspaceVolume().isBlank()) {
      command.addAll(List.of("-v", request.jobDirectory().toAbsolutePath() + ":" + CONFIG_MOUNT + ":ro"));
      filesDir = CONFIG_MOUNT;
    } else {
      Path relative = settings.workspaceRoot().toAbsolutePath().relativize(request.jobDirectory().toAbsolutePath());
      command.addAll(List.of("-v", settings.workspaceVolume() + ":" + WORKSPACE_MOUNT + ":ro"));
      filesDir = WORKSPACE_MOUNT + "/" + relative.toString().replace('\\', '/');
    }
    command.add(image(request.runtime()));
    command.addAll(request.argsWithPaths(file -> filesDir + "/" + file));
    return command;
  }

  private Map<String, String> labels(LaunchRequest request) {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put(MANAGED_LABEL, MANAGED_VALUE);
    if (owner != null) {
      labels.put(OWNER_LABEL, owner);
    }
    labels.put("io.airbyte.job-id", request.jobId());
    labels.put("io.airbyte.attempt", Integer.toString(request.attempt()));
    labels.put("io.airbyte.role", request.role().label());
    labels.put("io.airbyte.command", request.command());
    labels.putAll(request.labels());
    return labels;
  }

  /**
   * The {@code --user} of a container whose image declares {@code imageUser} (its {@code USER}; null or
   * empty: root): none for root, who reads the job files whoever owns them; for any other user the
   * owner of {@code jobDirectory} as {@code uid:gid}, the one user that may read its files.
   */
  static String runAs(String imageUser, Path jobDirectory) throws ConnectorLaunchException {
    String name = imageUser == null ? "" : imageUser.trim().split(":", 2)[0];
    if (name.isEmpty() || name.equals("root") || name.equals("0")) {
      return null;
    }
    try {
      return Files.getAttribute(jobDirectory, "unix:uid", LinkOption.NOFOLLOW_LINKS) + ":"
          + Files.getAttribute(jobDirectory, "unix:gid", LinkOption.NOFOLLOW_LINKS);
    } catch (IOException | UnsupportedOperationException e) {
      throw new ConnectorLaunchException("The image runs as user '" + imageUser + "', who cannot read the job files of "
          + jobDirectory + ", and its owner cannot be read: " + e.getMessage(), e);
    }
  }

  /** Pulls the image when it is not there; returns the user it runs as (its {@code USER}, null or empty: root). */
  private String ensureImage(String image) throws ConnectorLaunchException {
    try {
      return imageUser(image);
    } catch (NotFoundException e) {
      LOG.info("Image {} is not present; pulling it", image);
    } catch (RuntimeException e) {
      throw new ConnectorLaunchException("Cannot reach the Docker daemon to run " + image + ": " + e.getMessage(), e);
    }
    try {
      if (!docker.pullImageCmd(image).start().awaitCompletion(30, TimeUnit.MINUTES)) {
        throw new ConnectorLaunchException("Pulling image " + image + " did not finish within 30 minutes");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ConnectorLaunchException("Interrupted while pulling image " + image, e);
    } catch (RuntimeException e) {
      throw new ConnectorLaunchException("Image " + image + " is not present and cannot be pulled: " + e.getMessage(), e);
    }
    try {
      return imageUser(image);
    } catch (RuntimeException e) {
      throw new ConnectorLaunchException("Image " + image + " was pulled but cannot be inspected: " + e.getMessage(), e);
    }
  }

  private String imageUser(String image) {
    var config = docker.inspectImageCmd(image).exec().getConfig();
    return config == null ? null : config.getUser();
  }

  private void killContainer(String name) {
    try {
      docker.killContainerCmd(name).exec();
    } catch (NotFoundException e) {
      return; // already gone (--rm)
    } catch (RuntimeException e) {
      // not running any more, or the daemon is gone: removal below or the start-up cleanup handles it
      LOG.debug("docker kill {}: {}", name, e.toString());
    }
    awaitRemoved(name);
  }

  /** Waits, boundedly, until the daemon has removed the killed container (--rm): "gone" means gone. */
  private void awaitRemoved(String name) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (System.nanoTime() < deadline) {
      try {
        docker.inspectContainerCmd(name).exec();
        Thread.sleep(50);
      } catch (NotFoundException gone) {
        return;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        LOG.debug("docker inspect {}: {}", name, e.toString());
        return;
      }
    }
    LOG.warn("Container {} was not removed within 10 s of being killed; the next start removes it", name);
  }

  /**
   * Removes the connector containers this worker left when it crashed: those labelled with its owner, and those with no
   * owner (started by a worker of a version that labelled none). Containers of the other workers on the same Docker host
   * are theirs, running their syncs: they stay.
   */
  @Override
  public int cleanupLeftovers() {
    List<Container> managed = docker.listContainersCmd()
        .withShowAll(true)
        .withLabelFilter(Map.of(MANAGED_LABEL, MANAGED_VALUE))
        .exec();
    int removed = 0;
    for (Container container : managed) {
      String containerOwner = container.getLabels() == null ? null : container.getLabels().get(OWNER_LABEL);
      if (containerOwner != null && !containerOwner.equals(owner)) {
        continue;
      }
      try {
        docker.removeContainerCmd(container.getId()).withForce(true).exec();
        removed++;
        LOG.info("Removed leftover connector container {} ({})", String.join(",", container.getNames()), container.getImage());
      } catch (NotFoundException e) {
        // removed meanwhile
      }
    }
    return removed;
  }
}
