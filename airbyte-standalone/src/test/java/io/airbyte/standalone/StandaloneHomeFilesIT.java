package io.airbyte.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The secrets a first start writes into the home (generated admin password, secrets key) are readable by their owner only. */
@Timeout(300)
class StandaloneHomeFilesIT {

  @TempDir
  Path home;

  @Test
  void generatedAdminPasswordAndSecretsKeyAreOwnerOnly() throws Exception {
    try (RunningPlatform platform = RunningPlatform.start(home, RunningPlatform.ANY_PORT, "generated",
        Map.of("AIRBYTE_ADMIN_PASSWORD", ""))) {
      assertThat(platform.log("generated")).contains("the admin password is generated once");
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(home.resolve("admin-password"))))
          .as("mode of admin-password").isEqualTo("rw-------");
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(home.resolve("secrets.key"))))
          .as("mode of secrets.key").isEqualTo("rw-------");
      assertThat(Files.readString(home.resolve("admin-password")).trim()).hasSizeGreaterThanOrEqualTo(20);
    }
  }
}
