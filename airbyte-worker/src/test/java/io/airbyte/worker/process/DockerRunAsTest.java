package io.airbyte.worker.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.airbyte.contract.connector.ConnectorRuntime.DockerImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which user a connector container runs as, so it can read its owner-only job files. */
class DockerRunAsTest {

  @TempDir
  Path dir;

  @Test
  void rootImagesKeepTheirUserOthersRunAsTheJobDirectorysOwner() throws Exception {
    String owner = Files.getAttribute(dir, "unix:uid") + ":" + Files.getAttribute(dir, "unix:gid");

    for (String root : new String[] {null, "", " ", "root", "0", "root:root", "0:0"}) {
      assertThat(DockerProcessFactory.runAs(root, dir)).as("USER '" + root + "'").isNull();
    }
    for (String other : new String[] {"airbyte", "1000", "1000:1000", "airbyte:airbyte"}) {
      assertThat(DockerProcessFactory.runAs(other, dir)).as("USER '" + other + "'").isEqualTo(owner);
    }
  }

  @Test
  void theUserGoesOnTheCommandLine() throws ConnectorLaunchException {
    DockerProcessFactory factory = new DockerProcessFactory(null, new DockerSettings(null, null, null, dir, null,
        Map.of()), "dev");
    LaunchRequest request = new LaunchRequest("1", 0, ConnectorRole.SOURCE, new DockerImage("a/b", "1"), dir,
        List.of(), List.of("spec"), null);

    assertThat(String.join(" ", factory.command(request, "n", "1000:1000"))).startsWith(
        "docker run --rm -i --init --name n --user 1000:1000 ");
    assertThat(factory.command(request, "n", null)).doesNotContain("--user");
  }
}
