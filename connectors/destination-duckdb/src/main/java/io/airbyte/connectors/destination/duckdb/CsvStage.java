package io.airbyte.connectors.destination.duckdb;

import io.airbyte.connector.kit.rows.Bytes;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Rows of one table staged in a CSV file and loaded with DuckDB's COPY (never row by row). The
 * file is loaded when it grows past a bound and whenever the transaction ends its writes, so disk
 * use stays bounded too; loads happen in the open transaction.
 */
final class CsvStage implements AutoCloseable {

  private static final long LOAD_BYTES = 16L << 20;

  private final Path file;
  private final String copySql;
  private final Bytes row = new Bytes(1024);
  private OutputStream out;
  private long staged;

  /** @param target the quoted table and column list: {@code "s"."t" ("a", "b")} */
  CsvStage(Path directory, String target) {
    try {
      this.file = Files.createTempFile(directory, "airbyte-stage-", ".csv");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a staging file in " + directory, e);
    }
    file.toFile().deleteOnExit();
    this.copySql = "COPY " + target + " FROM '" + file.toString().replace("'", "''") + "' " + CsvFormat.COPY_OPTIONS;
  }

  /** The buffer to encode the next row into; call {@link #rowWritten} after. */
  Bytes row() {
    row.clear();
    return row;
  }

  void rowWritten(Connection connection) throws IOException, SQLException {
    if (out == null) {
      out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20);
    }
    out.write(row.array(), 0, row.length());
    staged += row.length();
    if (staged >= LOAD_BYTES) {
      load(connection);
    }
  }

  /** Loads what is staged into the table (in the open transaction) and empties the file. */
  void load(Connection connection) throws IOException, SQLException {
    if (out == null) {
      return;
    }
    out.close();
    out = null;
    if (staged > 0) {
      try (Statement s = connection.createStatement()) {
        s.execute(copySql);
      }
    }
    staged = 0;
  }

  /** Drops what is staged (the transaction rolls back). */
  void discard() throws IOException {
    if (out != null) {
      out.close();
      out = null;
    }
    staged = 0;
  }

  @Override
  public void close() throws IOException {
    discard();
    Files.deleteIfExists(file);
  }
}
