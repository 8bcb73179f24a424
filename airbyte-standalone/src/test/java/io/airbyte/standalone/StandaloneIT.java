package io.airbyte.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged platform jar, as a user runs it: it starts, a sync source-faker → DuckDB runs
 * through the API, and after a restart the connection, its job history and the data are there.
 */
@Timeout(600)
class StandaloneIT {

  @TempDir
  Path home;

  @Test
  void runsASyncThroughTheApiAndKeepsEverythingAcrossARestart() throws Exception {
    String connectionId;
    try (RunningPlatform platform = RunningPlatform.start(home, RunningPlatform.ANY_PORT, "first", Map.of())) {
      String workspace = platform.defaultWorkspace();
      String sourceId = platform.call("POST", "/sources", "{\"name\":\"faker\",\"workspaceId\":\"" + workspace
          + "\",\"configuration\":{\"sourceType\":\"faker\",\"count\":500,\"seed\":7}}").get("sourceId").asText();
      String destinationId = platform.call("POST", "/destinations", "{\"name\":\"duck\",\"workspaceId\":\"" + workspace
          + "\",\"configuration\":{\"destinationType\":\"duckdb\",\"destination_path\":\"" + home.resolve("warehouse.duckdb")
          + "\"}}").get("destinationId").asText();
      connectionId = platform.call("POST", "/connections", "{\"sourceId\":\"" + sourceId + "\",\"destinationId\":\""
          + destinationId + "\",\"name\":\"demo\"}").get("connectionId").asText();
      JsonNode job = platform.sync(connectionId);
      assertThat(job.get("status").asText()).as(job.toString()).isEqualTo("succeeded");
      assertThat(job.get("rowsSynced").asLong()).isGreaterThanOrEqualTo(500);
      System.out.println("standalone: idle RSS after a sync " + platform.rssMb() + " MB");
    }

    try (RunningPlatform again = RunningPlatform.start(home, RunningPlatform.ANY_PORT, "second", Map.of())) {
      assertThat(again.call("GET", "/connections/" + connectionId, null).get("name").asText()).isEqualTo("demo");
      JsonNode jobs = again.call("GET", "/jobs?connectionId=" + connectionId, null).get("data");
      assertThat(jobs).hasSize(1);
      assertThat(jobs.get(0).get("status").asText()).isEqualTo("succeeded");
    }
    try (var c = DriverManager.getConnection("jdbc:duckdb:" + home.resolve("warehouse.duckdb"));
        ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM main.users")) {
      rs.next();
      assertThat(rs.getLong(1)).isEqualTo(500);
    }
  }
}
