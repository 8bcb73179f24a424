package io.airbyte.standalone;

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

  /** The state messages attempt {@code attempt} of job {@code jobId} started from (empty: it started from none). */
  static Set<JsonNode> inputOf(Path home, long jobId, int attempt) throws Exception {
    Path file = home.resolve("workspace").resolve(Long.toString(jobId)).resolve(Integer.toString(attempt))
        .resolve("input_state.json");
    Set<JsonNode> messages = new HashSet<>();
    if (Files.exists(file)) {
      Jsons.deserialize(Files.readString(file)).forEach(messages::add);
    }
    return messages;
  }
}
