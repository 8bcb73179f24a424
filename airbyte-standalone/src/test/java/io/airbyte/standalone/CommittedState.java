package io.airbyte.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.airbyte.protocol.json.Jsons;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashSet;
import java.util.Set;

/**
 * A connection's committed state two ways: as the platform's metadata database holds it (one state message a
 * row), and as an attempt was handed it ({@code input_state.json} in the attempt's job directory, what the
 * source read with {@code --state}). Both as sets of state messages, compared as JSON values.
 */
final class CommittedState {

  private CommittedState() {}

  /** The state messages committed for {@code connectionId}, read from the metadata PostgreSQL (running or orphaned). */
  static Set<JsonNode> inDatabase(MetadataPostmaster metadata, String connectionId) throws Exception {
    Set<JsonNode> messages = new HashSet<>();
    try (Connection c = metadata.connect();
        PreparedStatement ps = c.prepareStatement("SELECT state::text FROM state WHERE connection_id = ?::uuid")) {
      ps.setString(1, connectionId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          messages.add(Jsons.deserialize(rs.getString(1)));
        }
      }
    }
    return messages;
  }

  /**
   * Waits (up to 300 s) until the job's latest attempt runs and the connection's committed state is no
   * longer {@code before} (a state was committed during the job), the job not ended; returns that state.
   */
  static Set<JsonNode> awaitNew(MetadataPostmaster metadata, String connectionId, long jobId, Set<JsonNode> before)
      throws Exception {
    long deadline = System.currentTimeMillis() + 300_000;
    try (Connection c = metadata.connect(); PreparedStatement ps = c.prepareStatement(
        "SELECT (SELECT status FROM job WHERE id = ?),"
            + " (SELECT status FROM attempt WHERE job_id = ? ORDER BY attempt_number DESC LIMIT 1)")) {
      ps.setLong(1, jobId);
      ps.setLong(2, jobId);
      while (true) {
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          assertThat(rs.getString(1)).as("the job ended before it could be interrupted mid-way (make the sync longer)")
              .isIn("pending", "running", "incomplete");
          Set<JsonNode> now = inDatabase(metadata, connectionId);
          if (!now.equals(before) && "running".equals(rs.getString(2))) {
            return now;
          }
        }
        assertThat(System.currentTimeMillis()).as("no state committed within 300 s").isLessThan(deadline);
        Thread.sleep(50);
      }
    }
  }

  /** The state messages attempt {@code attempt} of job {@code jobId} started from (empty: it started from none). */
  static Set<JsonNode> inputOf(Path home, long jobId, int attempt) throws Exception {
    Path file = AttemptFiles.attempt(home, jobId, attempt).resolve("input_state.json");
    Set<JsonNode> messages = new HashSet<>();
    if (Files.exists(file)) {
      Jsons.deserialize(Files.readString(file)).forEach(messages::add);
    }
    return messages;
  }
}
