package io.airbyte.connectors.destination.duckdb;

import io.airbyte.connector.kit.ConnectorRunner;
import io.airbyte.connector.kit.sql.SqlDestination;

/** Writes Airbyte streams into typed tables of a DuckDB file (Airbyte's destination-duckdb): staged CSV + COPY. */
public final class DuckDbDestination extends SqlDestination<DuckDbDestinationConfig> {

  public DuckDbDestination() {
    super(DuckDbDestinationConfig::from);
  }

  public static void main(String[] args) {
    ConnectorRunner.main(new DuckDbDestination(), args);
  }
}
