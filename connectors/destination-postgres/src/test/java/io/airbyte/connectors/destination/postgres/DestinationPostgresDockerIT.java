package io.airbyte.connectors.destination.postgres;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.airbyte.connector.kit.testing.DestinationImageContract;
import io.airbyte.connector.kit.testing.JdbcRows;
import io.airbyte.protocol.json.Jsons;
import io.airbyte.protocol.models.ConfiguredAirbyteStream;
import io.airbyte.protocol.models.DestinationSyncMode;
import io.airbyte.protocol.testing.Messages;
import io.airbyte.testsupport.postgres.PostgresExtension;
import io.airbyte.testsupport.postgres.PostgresTestDatabase;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/** The image: built from the module, run as the platform runs it, on the host's network to reach PostgreSQL. */
@ExtendWith(PostgresExtension.class)
class DestinationPostgresDockerIT extends DestinationImageContract {

  private PostgresTestDatabase db;

  @BeforeEach
  void database(PostgresTestDatabase db) {
    this.db = db;
  }

  @Override
  protected String image() {
    return "airbyte/destination-postgres:dev";
  }

  @Override
  protected ObjectNode config() {
    return Jsons.object().put("host", "localhost").put("port", db.port()).put("database", db.databaseName())
        .put("schema", "docker").put("username", db.username()).put("password", db.password());
  }

  @Override
  protected List<String> dockerOptions() {
    return List.of("--network", "host");
  }

  @Override
  protected ConfiguredAirbyteStream stream() {
    return Messages.stream(null, "t", TABLE_SCHEMA, DestinationSyncMode.OVERWRITE, null, null, 1, 1);
  }

  @Override
  protected long rowsOfT() throws Exception {
    try (Connection c = db.connection()) {
      return JdbcRows.number(c, "SELECT count(*) FROM docker.t");
    }
  }
}
