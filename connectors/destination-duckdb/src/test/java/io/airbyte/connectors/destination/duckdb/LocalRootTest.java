package io.airbyte.connectors.destination.duckdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.airbyte.connector.kit.ConfigErrorException;
import io.airbyte.protocol.json.Jsons;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalRootTest {

  @TempDir
  Path dir;

  @Test
  void pathsLeadingOutOfTheRootAreConfigErrorsNamingDestinationPath() throws Exception {
    Path root = Files.createDirectories(dir.resolve("root"));
    LocalRoot local = LocalRoot.fromEnvironment(Map.of("AIRBYTE_LOCAL_ROOT", root.toString()));
    for (String bad : new String[] {"../../../../etc/evil.duckdb", "/etc/evil.duckdb", "a/../../evil.duckdb",
        dir.resolve("beside.duckdb").toString(), "link/evil.duckdb"}) {
      if (bad.startsWith("link")) {
        Files.createSymbolicLink(root.resolve("link"), dir);
      }
      assertThatThrownBy(() -> DuckDbDestinationConfig.from(Jsons.object().put("destination_path", bad), local))
          .as(bad).isInstanceOf(ConfigErrorException.class)
          .hasMessageContaining("destination_path '" + bad + "'").hasMessageContaining("AIRBYTE_LOCAL_ROOT")
          .hasMessageContaining(root.toString());
    }
  }

  @Test
  void relativeAirbyteStyleAndAbsolutePathsUnderTheRootAreKept() throws Exception {
    Path root = Files.createDirectories(dir.resolve("root"));
    LocalRoot local = LocalRoot.fromEnvironment(Map.of("AIRBYTE_LOCAL_ROOT", root.toString()));
    assertThat(local.resolve("w.duckdb")).isEqualTo(root.resolve("w.duckdb"));
    assertThat(local.resolve("/local/sub/w.duckdb")).as("a config copied from Airbyte").isEqualTo(root.resolve("sub/w.duckdb"));
    assertThat(local.resolve(root.resolve("x/../y.duckdb").toString())).isEqualTo(root.resolve("y.duckdb"));
  }

  @Test
  void withoutTheVariableTheRootIsTheWorkingDirectory() {
    assertThat(LocalRoot.fromEnvironment(Map.of()).root()).isEqualTo(Path.of("").toAbsolutePath());
  }
}
