package io.airbyte.connectors.source.postgres;

import java.sql.Connection;
import java.sql.SQLException;

/** A piece of a parallel read ({@link ParallelRead}): a whole stream, or one page range of a table. */
@FunctionalInterface
interface ReadTask {

  /**
   * Reads on {@code connection}, in the sync's exported {@code snapshot}; {@code segments} gives
   * the output segment to write into and commits it.
   */
  void run(Connection connection, String snapshot, Segments segments) throws SQLException;
}
