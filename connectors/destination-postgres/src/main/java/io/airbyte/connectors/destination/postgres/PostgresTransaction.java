package io.airbyte.connectors.destination.postgres;

import io.airbyte.connector.kit.destination.LoadTransaction;
import java.sql.Connection;
import java.sql.SQLException;

/** The destination's one connection: a COPY in flight ends before each commit. */
final class PostgresTransaction implements LoadTransaction {

  private final Connection connection;
  private final CopyStream copy;

  PostgresTransaction(Connection connection, CopyStream copy) {
    this.connection = connection;
    this.copy = copy;
  }

  @Override
  public void endWrites() throws SQLException {
    copy.end();
  }

  @Override
  public void commit() throws SQLException {
    connection.commit();
  }

  @Override
  public void rollback() throws SQLException {
    copy.cancel();
    connection.rollback();
  }
}
