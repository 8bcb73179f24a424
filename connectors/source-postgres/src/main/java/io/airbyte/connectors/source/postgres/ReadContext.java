package io.airbyte.connectors.source.postgres;

import io.airbyte.protocol.rows.CopyTextRow;
import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Collectors;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyOut;

/**
 * What reading one stream needs: the connection (in the stream's snapshot), the table, the
 * selected columns and the output. Queries run as {@code COPY (query) TO STDOUT}: rows stream in
 * PostgreSQL's own text format, in bounded memory, without per-value objects.
 */
record ReadContext(Connection connection, TableInfo table, List<TableInfo.ColumnInfo> columns, StreamProgress progress,
    JsonNode previousState, Long syncId, int chunkRows) {

  /** Runs the query and hands each row to {@code consumer}; returns the row count. */
  long stream(String query, RowConsumer consumer) throws SQLException {
    CopyOut copy = connection.unwrap(PGConnection.class).getCopyAPI().copyOut("COPY (" + query + ") TO STDOUT");
    CopyTextRow row = new CopyTextRow();
    long rows = 0;
    try {
      for (byte[] bytes = copy.readFromCopy(); bytes != null; bytes = copy.readFromCopy()) {
        row.load(bytes);
        consumer.accept(row);
        rows++;
      }
    } finally {
      if (copy.isActive()) {
        copy.cancelCopy();
      }
    }
    return rows;
  }

  /** The selected columns as select expressions (the writer's fields 0..n-1). */
  String selectList() {
    return columns.stream().map(RowWriter::selectExpression).collect(Collectors.joining(", "));
  }

  /** Receives the rows of a query. */
  @FunctionalInterface
  interface RowConsumer {
    void accept(CopyTextRow row) throws SQLException;
  }
}
