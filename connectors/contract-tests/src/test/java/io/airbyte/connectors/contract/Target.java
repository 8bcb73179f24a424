package io.airbyte.connectors.contract;

import com.fasterxml.jackson.databind.JsonNode;
import io.airbyte.protocol.json.Jsons;
import io.airbyte.testsupport.postgres.PostgresTestDatabase;
import java.nio.file.Path;
import java.util.List;

/** A destination under contract test, with the database its rows are read back from. */
interface Target {

  ConnectorJar connector();

  JsonNode config();

  /** The rows of a table (schema = the stream's namespace), normalized for comparison. */
  List<String> rows(String schema, String table, List<String> columns) throws Exception;

  static Target postgres(PostgresTestDatabase db) {
    return new Target() {
      @Override
      public ConnectorJar connector() {
        return ConnectorJar.DESTINATION_POSTGRES;
      }

      @Override
      public JsonNode config() {
        return Jsons.object().put("host", db.host()).put("port", db.port()).put("database", db.databaseName())
            .put("schema", "public").put("username", db.username()).put("password", db.password());
      }

      @Override
      public List<String> rows(String schema, String table, List<String> columns) throws Exception {
        return Tables.postgres(db.jdbcUrl(), db.username(), db.password(), "\"" + schema + "\".\"" + table + "\"", columns);
      }

      @Override
      public String toString() {
        return "destination-postgres";
      }
    };
  }

  static Target duckdb(Path file) {
    return new Target() {
      @Override
      public ConnectorJar connector() {
        return ConnectorJar.DESTINATION_DUCKDB;
      }

      @Override
      public JsonNode config() {
        return Jsons.object().put("destination_path", file.toString());
      }

      @Override
      public List<String> rows(String schema, String table, List<String> columns) throws Exception {
        return Tables.duckdb(file.toString(), "\"" + schema + "\".\"" + table + "\"", columns);
      }

      @Override
      public String toString() {
        return "destination-duckdb";
      }
    };
  }
}
