package io.airbyte.connector.kit.sql;

import java.sql.Connection;
import java.sql.SQLException;

/** What the config of a {@link SqlDestination} gives the kit. */
public interface SqlDestinationConfig {

  /** A connection to the destination, autocommit off. */
  Connection connect() throws SQLException;

  /** The schema of streams without a namespace. */
  String schema();

  SqlDialect dialect();
}
