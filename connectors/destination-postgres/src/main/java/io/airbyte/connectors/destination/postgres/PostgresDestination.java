package io.airbyte.connectors.destination.postgres;

import io.airbyte.connector.kit.ConfigErrorException;
import io.airbyte.connector.kit.ConnectorRunner;
import io.airbyte.connector.kit.sql.SqlDestination;
import java.sql.SQLException;

/** Writes Airbyte streams into typed PostgreSQL tables (Airbyte's destination-postgres, direct load) through COPY. */
public final class PostgresDestination extends SqlDestination<PostgresDestinationConfig> {

  public PostgresDestination() {
    super(PostgresDestinationConfig::from);
  }

  public static void main(String[] args) {
    ConnectorRunner.main(new PostgresDestination(), args);
  }

  @Override
  protected Exception checkFailed(PostgresDestinationConfig config, SQLException error) {
    if ("42501".equals(error.getSQLState())) {
      return new ConfigErrorException("User '" + config.connection().username() + "' may not create tables in schema '"
          + config.schema() + "': " + error.getMessage(), error);
    }
    return error;
  }
}
