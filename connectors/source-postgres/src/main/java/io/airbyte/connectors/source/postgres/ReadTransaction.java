package io.airbyte.connectors.source.postgres;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A REPEATABLE READ, read-only transaction: one consistent view for everything read in it. Given
 * an exported snapshot ({@code pg_export_snapshot()}), it sees exactly what the transaction that
 * exported it sees, so the connections that read one sync's streams and partitions at once read
 * one view of the database.
 */
final class ReadTransaction {

  private ReadTransaction() {
  }

  /** The work done within the transaction. */
  @FunctionalInterface
  interface Body<T> {
    T run() throws SQLException;
  }

  /**
   * Runs {@code body} in a transaction of {@code connection}, in {@code snapshot} when not null;
   * commits it and returns what the body returned, or rolls it back.
   */
  static <T> T run(Connection connection, String snapshot, Body<T> body) throws SQLException {
    boolean autoCommit = connection.getAutoCommit();
    try {
      begin(connection, snapshot);
      T result = body.run();
      connection.commit();
      return result;
    } catch (SQLException | RuntimeException e) {
      connection.rollback();
      throw e;
    } finally {
      connection.setReadOnly(false);
      connection.setAutoCommit(autoCommit);
    }
  }

  /** Begins the transaction (committed or rolled back by the caller). */
  static void begin(Connection connection, String snapshot) throws SQLException {
    connection.setAutoCommit(false);
    connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
    connection.setReadOnly(true);
    if (snapshot != null) {
      try (Statement statement = connection.createStatement()) {
        statement.execute("SET TRANSACTION SNAPSHOT " + Sql.literal(snapshot));
      }
    }
  }
}
