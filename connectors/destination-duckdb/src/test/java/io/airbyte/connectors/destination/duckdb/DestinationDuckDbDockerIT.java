package io.airbyte.connectors.destination.duckdb;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.airbyte.connector.kit.testing.DestinationImageContract;
import io.airbyte.connector.kit.testing.JdbcRows;
import io.airbyte.protocol.json.Jsons;
import io.airbyte.protocol.models.ConfiguredAirbyteStream;
import io.airbyte.protocol.models.DestinationSyncMode;
import io.airbyte.protocol.testing.Messages;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;

/** The image: built from the module, run as the platform runs it, with a data directory on /local. */
class DestinationDuckDbDockerIT extends DestinationImageContract {

  @TempDir
  Path data;

  @Override
  protected String image() {
    return "airbyte/destination-duckdb:dev";
  }

  @Override
  protected ObjectNode config() {
    return Jsons.object().put("destination_path", "/local/warehouse.duckdb");
  }

  @Override
  protected List<String> dockerOptions() {
    return List.of("-v", data.toAbsolutePath() + ":/local");
  }

  @Override
  protected ConfiguredAirbyteStream stream() {
    return Messages.stream(null, "t", TABLE_SCHEMA, DestinationSyncMode.APPEND, null, null, 1, 0);
  }

  @Override
  protected long rowsOfT() throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + data.resolve("warehouse.duckdb"))) {
      return JdbcRows.number(c, "SELECT count(*) FROM main.t");
    }
  }
}
