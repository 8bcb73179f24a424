package io.airbyte.connectors.destination.duckdb;

import com.fasterxml.jackson.databind.JsonNode;
import io.airbyte.connector.kit.ConfigErrorException;
import io.airbyte.connector.kit.sql.SqlDestinationConfig;
import io.airbyte.connector.kit.sql.SqlDialect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/** The config of destination-duckdb, with Airbyte's property names. */
record DuckDbDestinationConfig(Path path, String schema) implements SqlDestinationConfig {

  static final String MEMORY_LIMIT = "96MB";
  private static final DuckDbDialect DIALECT = new DuckDbDialect();

  static DuckDbDestinationConfig from(JsonNode config) {
    return from(config, LocalRoot.fromEnvironment(System.getenv()));
  }

  /** @param root the directory the DuckDB file must be in */
  static DuckDbDestinationConfig from(JsonNode config, LocalRoot root) {
    String path = config.get("destination_path").asText();
    if (path.startsWith("md:") || path.startsWith("motherduck:")) {
      throw new ConfigErrorException("destination_path '" + path + "': MotherDuck is not supported by this connector;"
          + " give the path of a DuckDB file");
    }
    if (path.isBlank()) {
      throw new ConfigErrorException("destination_path is empty: give the path of a DuckDB file");
    }
    return new DuckDbDestinationConfig(root.resolve(path), config.path("schema").asText("main"));
  }

  /** A connection to the file (created when missing), autocommit off. DuckDB allows one writing process per file. */
  @Override
  public Connection connect() throws SQLException {
    try {
      Path parent = path.getParent();
      if (parent != null && !Files.isDirectory(parent)) {
        Files.createDirectories(parent);
      }
    } catch (java.io.IOException e) {
      throw new ConfigErrorException("Cannot create the directory of destination_path '" + path + "': " + e.getMessage(), e);
    }
    try {
      Properties props = new Properties();
      // DuckDB's own memory is bounded too (by default it may take 80% of the machine)
      props.setProperty("memory_limit", MEMORY_LIMIT);
      props.setProperty("threads", "2");
      Connection connection = DriverManager.getConnection("jdbc:duckdb:" + path, props);
      connection.setAutoCommit(false);
      return connection;
    } catch (SQLException e) {
      String message = e.getMessage() == null ? "" : e.getMessage();
      if (message.contains("Could not set lock") || message.contains("Conflicting lock")) {
        throw new ConfigErrorException("The DuckDB file '" + path + "' is in use by another process: DuckDB allows only"
            + " one process to write a file. Stop the other process (or sync) and retry.", e);
      }
      throw new ConfigErrorException("Cannot open the DuckDB file '" + path + "': " + message.lines().findFirst().orElse(""), e);
    }
  }

  @Override
  public SqlDialect dialect() {
    return DIALECT;
  }
}
