package io.airbyte.connector.kit.destination;

/** The open transaction of a {@link WriteSession}, implemented by a destination engine. */
public interface LoadTransaction {

  /** Ends writes in flight (a COPY, a staged file) so their rows belong to the transaction. */
  void endWrites() throws Exception;

  void commit() throws Exception;

  /** Abandons everything since the last commit, writes in flight included. */
  void rollback() throws Exception;
}
