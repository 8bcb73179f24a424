package io.airbyte.testsupport.docker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Docker for integration tests, through the {@code docker} command line. Tests that need Docker
 * call {@link #assumeDocker()}: without a daemon they are skipped, unless {@code
 * AIRBYTE_REQUIRE_DOCKER=true}, in which case they fail (CI sets it, so CI never skips them).
 */
public final class DockerSupport {

  /** The base image made locally by docker/base-image/build.sh. */
  public static final String LOCAL_BASE_IMAGE = "airbyte/jre-base:17";
  /** The base image of the Dockerfiles when nothing else is said. */
  public static final String PUBLIC_BASE_IMAGE = "eclipse-temurin:17-jre";

  private static Boolean available;

  private DockerSupport() {}

  public static synchronized boolean dockerAvailable() {
    if (available == null) {
      try {
        available = run(List.of("docker", "info"), null, Duration.ofSeconds(20)).exitCode() == 0;
      } catch (UncheckedIOException e) {
        available = false;
      }
    }
    return available;
  }

  public static boolean dockerRequired() {
    return "true".equalsIgnoreCase(System.getenv("AIRBYTE_REQUIRE_DOCKER"));
  }

  /** Skips the calling test when no Docker daemon answers, or fails it when Docker is required. */
  public static void assumeDocker() {
    if (dockerAvailable()) {
      return;
    }
    if (dockerRequired()) {
      Assertions.fail("AIRBYTE_REQUIRE_DOCKER=true but no Docker daemon answers `docker info`");
    }
    Assumptions.abort("no Docker daemon answers `docker info`; set AIRBYTE_REQUIRE_DOCKER=true to make this a failure");
  }

  /**
   * The base image to build with: {@code AIRBYTE_BASE_IMAGE} when set, else the locally made one
   * when it exists, else the public JRE image.
   */
  public static String baseImage() {
    String configured = System.getenv("AIRBYTE_BASE_IMAGE");
    if (configured != null && !configured.isBlank()) {
      return configured;
    }
    return imageExists(LOCAL_BASE_IMAGE) ? LOCAL_BASE_IMAGE : PUBLIC_BASE_IMAGE;
  }

  public static boolean imageExists(String image) {
    return run(List.of("docker", "image", "inspect", image), null, Duration.ofSeconds(30)).exitCode() == 0;
  }

  /** {@code docker build --build-arg BASE_IMAGE=<base> -t <tag> <context>}; fails with the build output. */
  public static void buildImage(Path context, String tag) {
    Result result = run(List.of("docker", "build", "-q", "--build-arg", "BASE_IMAGE=" + baseImage(), "-t", tag,
        context.toString()), null, Duration.ofMinutes(10));
    if (result.exitCode() != 0) {
      throw new IllegalStateException("docker build of " + tag + " failed:\n" + result.stdout() + result.stderr());
    }
  }

  /**
   * The image of a Python connector from PyPI, made by {@code docker/python-connector/build.sh} of the
   * repository at {@code repository} (wheels downloaded on the host, installed without an index), on
   * the base image {@code AIRBYTE_PYTHON_BASE_IMAGE} or the local {@code airbyte/python-base:3.11},
   * which the script makes when missing; the script does nothing when the image is there and up to
   * date. Fails with the script's output.
   */
  public static void buildPythonConnectorImage(Path repository, String pythonPackage, String version, String image) {
    Path script = repository.resolve("docker").resolve("python-connector").resolve("build.sh");
    Result result = run(List.of("bash", script.toString(), pythonPackage, version, image), null, Duration.ofMinutes(15));
    if (result.exitCode() != 0) {
      throw new IllegalStateException(script + " " + pythonPackage + " " + version + " " + image + " failed:\n"
          + result.stdout() + result.stderr());
    }
  }

  /** Runs a command to its end (or kills it at the timeout) and collects its output. */
  public static Result run(List<String> command, byte[] stdin, Duration timeout) {
    try {
      Process process = new ProcessBuilder(new ArrayList<>(command)).start();
      CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()));
      CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
      try (var in = process.getOutputStream()) {
        if (stdin != null) {
          in.write(stdin);
        }
      }
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException(command + " did not finish within " + timeout);
      }
      return new Result(process.exitValue(), new String(out.join(), StandardCharsets.UTF_8),
          new String(err.join(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + command, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running " + command, e);
    }
  }

  private static byte[] readAll(java.io.InputStream in) {
    try (in) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Exit code and output of a command. */
  public record Result(int exitCode, String stdout, String stderr) {}
}
