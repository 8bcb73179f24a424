package io.airbyte.connectors.destination.duckdb;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.airbyte.connector.kit.Destination;
import io.airbyte.connector.kit.testing.OverwriteRetryContract;
import io.airbyte.protocol.json.Jsons;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** Full refresh | overwrite across attempts and jobs ({@link OverwriteRetryContract}) into a DuckDB file. */
class DuckDbOverwriteRetryIT extends OverwriteRetryContract {

  @Override
  protected Destination destination() {
    return new DuckDbDestination();
  }

  @Override
  protected ObjectNode config() {
    return Jsons.object().put("destination_path", dir.resolve("warehouse/db.duckdb").toString());
  }

  @Override
  protected boolean tableExists(String ns, String table) throws SQLException {
    return single("SELECT count(*) FROM duckdb_tables() WHERE schema_name = '" + ns + "' AND table_name = '" + table + "'") > 0;
  }

  @Override
  protected long single(String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + dir.resolve("warehouse/db.duckdb"));
        Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
