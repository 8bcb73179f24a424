package io.airbyte.worker.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.airbyte.contract.connector.ConnectorRuntime.BuiltInJar;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where a built-in jar is found: the directory's {@code <name>.jar}, or a source tree's {@code <name>/target/<name>.jar}. */
class LocalConnectorJarsTest {

  @TempDir
  Path dir;

  @Test
  void aJarIsFoundByTheConnectorsNameInTheDirectoryOrItsSourceTree() throws Exception {
    Path packaged = Files.writeString(dir.resolve("source-faker.jar"), "");
    Path built = Files.writeString(Files.createDirectories(dir.resolve("destination-duckdb/target"))
        .resolve("destination-duckdb.jar"), "");
    LocalConnectorJars jars = new LocalConnectorJars(dir, List.of("-Xmx64m"));

    assertThat(jars.commandFor(new BuiltInJar("source-faker"))).containsExactly(LocalConnectorJars.java(), "-Xlog:disable",
        "-Xlog:all=warning:stderr", "-Xmx64m", "-jar", packaged.toAbsolutePath().toString());
    assertThat(jars.commandFor(new BuiltInJar("destination-duckdb"))).endsWith("-jar", built.toAbsolutePath().toString());
    assertThat(jars.commandFor(new BuiltInJar("source-postgres"))).isEmpty();
    assertThat(new LocalConnectorJars(null, List.of()).commandFor(new BuiltInJar("source-faker"))).isEmpty();
  }
}
