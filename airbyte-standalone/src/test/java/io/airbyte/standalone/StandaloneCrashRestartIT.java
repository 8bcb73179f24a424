package io.airbyte.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Starts of the packaged platform after it died without stopping: after {@code kill -9} of its JVM
 * (its metadata PostgreSQL left running as an orphan), and with a stale {@code postmaster.pid}
 * naming a process that is not our PostgreSQL. The first start works, and the configuration is
 * there. A second platform on a home in use is refused and the first goes on.
 */
@Timeout(600)
class StandaloneCrashRestartIT {

  @TempDir
  Path home;

  @Test
  void startsAtOnceAfterKill9WhileIdle() throws Exception {
    String sourceId;
    String connectionId;
    MetadataPostmaster orphan;
    try (RunningPlatform platform = RunningPlatform.start(home, RunningPlatform.ANY_PORT, "before-kill", Map.of())) {
      String workspace = platform.defaultWorkspace();
      sourceId = platform.call("POST", "/sources", "{\"name\":\"faker\",\"workspaceId\":\"" + workspace
          + "\",\"configuration\":{\"sourceType\":\"faker\",\"count\":10}}").get("sourceId").asText();
      String destinationId = platform.call("POST", "/destinations", "{\"name\":\"duck\",\"workspaceId\":\"" + workspace
          + "\",\"configuration\":{\"destinationType\":\"duckdb\",\"destination_path\":\"" + home.resolve("w.duckdb")
          + "\"}}").get("destinationId").asText();
      connectionId = platform.call("POST", "/connections", "{\"sourceId\":\"" + sourceId + "\",\"destinationId\":\""
          + destinationId + "\",\"name\":\"kept across a crash\"}").get("connectionId").asText();
      orphan = MetadataPostmaster.running(home);
      platform.kill9();
    }
    assertThat(orphan.alive()).as("the metadata PostgreSQL outlives a JVM killed with -9 (the case under test)").isTrue();

    try (RunningPlatform again = RunningPlatform.start(home, RunningPlatform.ANY_PORT, "after-kill", Map.of())) {
      assertThat(again.call("GET", "/connections/" + connectionId, null).get("name").asText()).isEqualTo("kept across a crash");
      assertThat(again.call("GET", "/sources/" + sourceId, null).get("name").asText()).isEqualTo("faker");
      assertThat(orphan.alive()).as("the orphaned postmaster was stopped").isFalse();
      assertThat(MetadataPostmaster.running(home).pid()).isNotEqualTo(orphan.pid());
    }
    assertThat(MetadataPostmaster.processesOn(home)).as("PostgreSQL processes after the platform stopped").isEmpty();
  }

  @Test
  void startsWhenAStalePidFileNamesAnotherProcess() throws Exception {
    try (RunningPlatform first = RunningPlatform.start(home, RunningPlatform.ANY_PORT, "first", Map.of())) {
      first.defaultWorkspace();
    }
    // as after a reboot: postmaster.pid left behind, its pid now taken by an unrelated live process
    Process unrelated = new ProcessBuilder("sleep", "600").start();
    try {
      Files.writeString(MetadataPostmaster.pidFile(home), unrelated.pid() + "\n" + home.resolve("db") + "\n1700000000\n"
          + RunningPlatform.freePort() + "\n/tmp\n127.0.0.1\n  9999999     99999\nready   \n");
      try (RunningPlatform again = RunningPlatform.start(home, RunningPlatform.ANY_PORT, "stale-pid", Map.of())) {
        assertThat(again.defaultWorkspace()).isNotBlank();
        assertThat(unrelated.isAlive()).as("the unrelated process named by the stale postmaster.pid is left alone").isTrue();
        assertThat(MetadataPostmaster.running(home).pid()).isNotEqualTo(unrelated.pid());
      }
    } finally {
      unrelated.destroy();
      unrelated.waitFor(10, TimeUnit.SECONDS);
    }
    assertThat(MetadataPostmaster.processesOn(home)).isEmpty();
  }

  @Test
  void refusesASecondPlatformOnAHomeInUse() throws Exception {
    try (RunningPlatform first = RunningPlatform.start(home, RunningPlatform.ANY_PORT, "first", Map.of())) {
      MetadataPostmaster postmaster = MetadataPostmaster.running(home);
      int exit = RunningPlatform.runToExit(home, RunningPlatform.ANY_PORT, "second", Map.of(), 120);
      String log = first.log("second");
      assertThat(exit).as("exit status of the second platform: " + log).isNotZero();
      assertThat(log).contains("Another platform").contains(Long.toString(first.pid())).contains(home.toString());
      assertThat(first.isAlive()).isTrue();
      assertThat(first.defaultWorkspace()).isNotBlank();
      assertThat(MetadataPostmaster.running(home)).as("the first platform's PostgreSQL is untouched").isEqualTo(postmaster);
      assertThat(postmaster.alive()).isTrue();
    }
    assertThat(MetadataPostmaster.processesOn(home)).isEmpty();
  }
}
