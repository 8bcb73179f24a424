package io.airbyte.connectors.destination.snowflake;

import com.fasterxml.jackson.databind.JsonNode;
import io.airbyte.connector.kit.ConfigErrorException;
import io.airbyte.connector.kit.ConnectorRunner;
import io.airbyte.connector.kit.sql.SqlDestination;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Writes Airbyte streams into typed Snowflake tables (Airbyte's destination-snowflake): gzipped CSV
 * files PUT into an internal stage, COPY INTO, MERGE for the dedup modes.
 */
public final class SnowflakeDestination extends SqlDestination<SnowflakeDestinationConfig> {

  public SnowflakeDestination() {
    super(SnowflakeDestinationConfig::from);
  }

  public static void main(String[] args) {
    ConnectorRunner.main(new SnowflakeDestination(), args);
  }

  /** Also names a schema that does not exist (a write would create it; check says so instead of creating it). */
  @Override
  public void check(JsonNode json) throws Exception {
    SnowflakeDestinationConfig config = SnowflakeDestinationConfig.from(json);
    try (Connection c = config.login()) {
      if (!config.schemaExists(c)) {
        throw new ConfigErrorException("schema: the schema '" + config.schema() + "' does not exist in database '"
            + config.database() + "' (a sync creates it when the role may: CREATE SCHEMA " + config.schema() + ")");
      }
    }
    super.check(json);
  }

  @Override
  protected Exception checkFailed(SnowflakeDestinationConfig config, SQLException error) {
    return new ConfigErrorException("The role '" + config.role() + "' may not create tables in schema '" + config.schema()
        + "' of database '" + config.database() + "': " + SnowflakeDestinationConfig.firstLine(error), error);
  }
}
