package io.airbyte.connector.kit.sql;

import io.airbyte.connector.kit.destination.LoadTransaction;
import java.sql.Connection;

/** The write's one connection: the staging ends its writes before each commit and drops them on rollback. */
final class SqlTransaction implements LoadTransaction {

  private final Connection connection;
  private final Staging staging;

  SqlTransaction(Connection connection, Staging staging) {
    this.connection = connection;
    this.staging = staging;
  }

  @Override
  public void endWrites() throws Exception {
    staging.endWrites();
  }

  @Override
  public void commit() throws Exception {
    connection.commit();
  }

  @Override
  public void rollback() throws Exception {
    staging.discard();
    connection.rollback();
  }
}
