package io.airbyte.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged platform's metadata PostgreSQL is durable: every commit is flushed to disk
 * ({@code fsync} and {@code synchronous_commit} on), unlike the fast settings of test databases.
 */
@Timeout(300)
class StandaloneMetadataDurabilityIT {

  @TempDir
  Path home;

  @Test
  void metadataDatabaseFlushesEveryCommit() throws Exception {
    try (RunningPlatform platform = RunningPlatform.start(home, RunningPlatform.ANY_PORT, "durable", Map.of())) {
      MetadataPostmaster postmaster = MetadataPostmaster.running(home);
      assertThat(postmaster.show("fsync")).as("fsync of the metadata database").isEqualTo("on");
      assertThat(postmaster.show("synchronous_commit")).as("synchronous_commit of the metadata database").isEqualTo("on");
      assertThat(postmaster.show("full_page_writes")).as("full_page_writes of the metadata database").isEqualTo("on");
    }
  }
}
