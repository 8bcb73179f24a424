package io.airbyte.connectors.destination.duckdb;

import io.airbyte.connector.kit.destination.LoadTransaction;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** The destination's connection to the DuckDB file: staged files are loaded before each commit. */
final class DuckDbTransaction implements LoadTransaction {

  private final Connection connection;
  private final List<DuckDbStreamLoader> loaders;

  DuckDbTransaction(Connection connection, List<DuckDbStreamLoader> loaders) {
    this.connection = connection;
    this.loaders = loaders;
  }

  @Override
  public void endWrites() throws IOException, SQLException {
    for (DuckDbStreamLoader loader : loaders) {
      loader.load();
    }
  }

  @Override
  public void commit() throws SQLException {
    connection.commit();
  }

  @Override
  public void rollback() throws IOException, SQLException {
    for (DuckDbStreamLoader loader : loaders) {
      loader.discard();
    }
    connection.rollback();
  }
}
