package io.airbyte.connector.kit.sql;

import io.airbyte.connector.kit.rows.Bytes;
import io.airbyte.connector.kit.rows.RowFormat;

/**
 * How rows reach their tables during one write, engine by engine: a COPY stream (PostgreSQL), local
 * files loaded with COPY (DuckDB), files put to a stage and copied into tables (a warehouse). Rows
 * land in the write's open transaction; {@link #endWrites} runs before each commit.
 */
public interface Staging extends AutoCloseable {

  /** The text rows are encoded in. */
  RowFormat format();

  /**
   * Where the rows of one table go.
   *
   * @param table the quoted, qualified table
   * @param columns its quoted column list, in the order of the rows' fields
   */
  TableStage table(String table, String columns) throws Exception;

  /** Ends the writes in flight: every row written so far is in its table, in the open transaction. */
  void endWrites() throws Exception;

  /** Abandons the rows not yet in their tables (the transaction rolls back). */
  void discard() throws Exception;

  /** Releases what the staging holds (a COPY in flight, files); by default {@link #discard}. */
  @Override
  default void close() throws Exception {
    discard();
  }

  /** The rows of one table. */
  interface TableStage {

    /** The buffer to append the next row to; call {@link #rowWritten} after. */
    Bytes row() throws Exception;

    void rowWritten() throws Exception;
  }
}
