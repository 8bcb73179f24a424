package io.airbyte.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which Node the UI's build uses: this module's build, up to its {@code initialize} phase (the choice
 * and frontend-maven-plugin's install-node-and-npm, no npm command), run by the Maven wrapper offline
 * with a PATH that holds every program of this one except Node and npm, plus stand-ins that print a
 * chosen version. The download of the installing path goes to a closed local port, so it fails at once
 * (or installs from the local repository's cache into a temporary directory).
 */
@DisabledOnOs(OS.WINDOWS)
class NodeChoiceTest {

  private static final Set<String> NODE_PROGRAMS = Set.of("node", "nodejs", "npm", "npx", "corepack");

  @TempDir
  Path dir;

  /** The links go before JUnit's clean-up, which warns about each link leading out of its directory. */
  @AfterEach
  void removeLinks() throws IOException {
    Path bin = dir.resolve("bin");
    if (Files.isDirectory(bin)) {
      try (Stream<Path> links = Files.list(bin)) {
        for (Path link : (Iterable<Path>) links::iterator) {
          Files.delete(link);
        }
      }
    }
  }

  @Test
  void withoutNodeOnThePathTheBuildInstallsNode() throws Exception {
    Build build = runInitialize(pathWithoutNode());

    assertThat(build.output)
        .contains("UI build: installing Node v")
        .contains("on the PATH: node none, npm none")
        .containsPattern("Installing node version v\\d+\\.\\d+\\.\\d+")
        .containsAnyOf("Could not download Node.js", "Installed node locally.");
  }

  @Test
  void withANodeOlderThan2019TheBuildInstallsNode() throws Exception {
    Build build = runInitialize(pathWithStandIns("v20.18.3", "10.8.2"));

    assertThat(build.output)
        .contains("UI build: installing Node v")
        .contains("on the PATH: node v20.18.3, npm 10.8.2")
        .containsPattern("Installing node version v\\d+\\.\\d+\\.\\d+")
        .containsAnyOf("Could not download Node.js", "Installed node locally.");
  }

  @Test
  void withNode2019AndNpmOnThePathTheBuildUsesThem() throws Exception {
    Build build = runInitialize(pathWithStandIns("v20.19.0", "10.8.2"));

    assertThat(build.exitCode).as(build.output).isZero();
    assertThat(build.output)
        .contains("UI build: Node v20.19.0 and npm 10.8.2 from the PATH")
        .containsPattern("install-node-and-npm \\(install-node-and-npm\\) @ airbyte-webapp ---\\R\\[INFO] Skipping execution\\.")
        .doesNotContain("Installing node version");
  }

  private Build runInitialize(Path bin) throws Exception {
    Path root = Path.of("").toAbsolutePath().getParent();
    assertThat(root.resolve("mvnw")).as("the Maven wrapper above the module").isExecutable();
    List<String> command = new ArrayList<>(List.of(
        root.resolve("mvnw").toString(), "-o", "-B", "-ntp", "-Dstyle.color=never",
        "-pl", "airbyte-webapp", "initialize",
        "-Dwebapp.node.installDirectory=" + dir.resolve("install"),
        "-Dwebapp.node.downloadRoot=http://127.0.0.1:" + closedPort() + "/"));
    ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true);
    Map<String, String> env = builder.environment();
    env.put("PATH", bin.toString());
    env.put("JAVA_HOME", System.getProperty("java.home"));
    env.remove("MAVEN_ARGS");
    env.put("MAVEN_OPTS", "-Xmx256m -XX:TieredStopAtLevel=1");
    Process process = builder.start();
    process.getOutputStream().close();
    byte[] output = process.getInputStream().readAllBytes();
    if (!process.waitFor(3, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new AssertionError("the inner build did not end within 3 minutes");
    }
    return new Build(process.exitValue(), new String(output, StandardCharsets.UTF_8));
  }

  /** A directory of links to every program on this PATH but Node's. */
  private Path pathWithoutNode() throws IOException {
    Path bin = Files.createDirectories(dir.resolve("bin"));
    for (String entry : System.getenv("PATH").split(":")) {
      Path source = Path.of(entry.isEmpty() ? "." : entry);
      if (!Files.isDirectory(source)) {
        continue;
      }
      try (Stream<Path> programs = Files.list(source)) {
        for (Path program : (Iterable<Path>) programs::iterator) {
          String name = program.getFileName().toString();
          Path link = bin.resolve(name);
          if (!NODE_PROGRAMS.contains(name) && Files.isRegularFile(program) && Files.isExecutable(program)
              && !Files.exists(link, LinkOption.NOFOLLOW_LINKS)) {
            Files.createSymbolicLink(link, program.toAbsolutePath());
          }
        }
      }
    }
    return bin;
  }

  private Path pathWithStandIns(String nodeVersion, String npmVersion) throws IOException {
    Path bin = pathWithoutNode();
    standIn(bin.resolve("node"), nodeVersion);
    standIn(bin.resolve("npm"), npmVersion);
    return bin;
  }

  private static void standIn(Path program, String version) throws IOException {
    Files.writeString(program, "#!/bin/sh\necho " + version + "\n");
    Files.setPosixFilePermissions(program, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private record Build(int exitCode, String output) {}
}
