package io.airbyte.connectors.destination.postgres;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.airbyte.connector.kit.Destination;
import io.airbyte.connector.kit.testing.OverwriteRetryContract;
import io.airbyte.protocol.json.Jsons;
import io.airbyte.testsupport.postgres.PostgresExtension;
import io.airbyte.testsupport.postgres.PostgresTestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.extension.ExtendWith;

/** Full refresh | overwrite across attempts and jobs ({@link OverwriteRetryContract}) into PostgreSQL. */
@ExtendWith(PostgresExtension.class)
class PostgresOverwriteRetryIT extends OverwriteRetryContract {

  private final PostgresTestDatabase db;

  PostgresOverwriteRetryIT(PostgresTestDatabase db) {
    this.db = db;
  }

  @Override
  protected Destination destination() {
    return new PostgresDestination();
  }

  @Override
  protected ObjectNode config() {
    return Jsons.object().put("host", db.host()).put("port", db.port()).put("database", db.databaseName())
        .put("schema", "public").put("username", db.username()).put("password", db.password());
  }

  @Override
  protected boolean tableExists(String ns, String table) throws SQLException {
    return single("SELECT count(*) FROM pg_tables WHERE schemaname = '" + ns + "' AND tablename = '" + table + "'") > 0;
  }

  @Override
  protected long single(String sql) throws SQLException {
    try (Connection c = db.connection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
