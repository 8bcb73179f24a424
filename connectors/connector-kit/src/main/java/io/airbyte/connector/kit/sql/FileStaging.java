package io.airbyte.connector.kit.sql;

import io.airbyte.connector.kit.rows.Bytes;
import io.airbyte.connector.kit.rows.RowFormat;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/**
 * Rows staged in local files, one per table, and handed to the engine's {@link Loader} (DuckDB: COPY
 * from the file; a warehouse: put it to a stage, then COPY INTO) when a file grows past a bound and
 * whenever the transaction ends its writes, so disk use stays bounded too. Never row by row; loads
 * happen in the open transaction.
 */
public final class FileStaging implements Staging {

  /** Loads a staged file into its table, in the open transaction. */
  @FunctionalInterface
  public interface Loader {

    /**
     * @param table the quoted, qualified table
     * @param columns its quoted column list, in the order of the file's fields
     */
    void load(Path file, String table, String columns) throws Exception;
  }

  private static final long LOAD_BYTES = 16L << 20;

  private final Path directory;
  private final String suffix;
  private final RowFormat format;
  private final Loader loader;
  private final boolean gzip;
  private final List<FileStage> stages = new ArrayList<>();

  /**
   * @param prefix of the temporary directory the files go to (deleted on {@link #close})
   * @param suffix of the files' names ({@code .csv})
   */
  public FileStaging(String prefix, String suffix, RowFormat format, Loader loader) throws IOException {
    this(prefix, suffix, format, loader, false);
  }

  /**
   * @param gzip whether the files are gzipped (a warehouse's PUT sends them as they are); the bound on a
   *     file is on its rows' bytes before compression
   */
  public FileStaging(String prefix, String suffix, RowFormat format, Loader loader, boolean gzip) throws IOException {
    this.directory = Files.createTempDirectory(prefix);
    this.suffix = suffix;
    this.format = format;
    this.loader = loader;
    this.gzip = gzip;
  }

  @Override
  public RowFormat format() {
    return format;
  }

  @Override
  public TableStage table(String table, String columns) throws IOException {
    FileStage stage = new FileStage(table, columns);
    stages.add(stage);
    return stage;
  }

  @Override
  public void endWrites() throws Exception {
    for (FileStage stage : stages) {
      stage.load();
    }
  }

  @Override
  public void discard() throws IOException {
    for (FileStage stage : stages) {
      stage.discard();
    }
  }

  @Override
  public void close() throws IOException {
    for (FileStage stage : stages) {
      stage.discard();
      Files.deleteIfExists(stage.file);
    }
    Files.deleteIfExists(directory);
  }

  private final class FileStage implements TableStage {

    private final Path file;
    private final String table;
    private final String columns;
    private final Bytes row = new Bytes(1024);
    private OutputStream out;
    private long staged;

    FileStage(String table, String columns) throws IOException {
      this.table = table;
      this.columns = columns;
      file = Files.createTempFile(directory, "airbyte-stage-", suffix);
      file.toFile().deleteOnExit();
    }

    @Override
    public Bytes row() {
      row.clear();
      return row;
    }

    @Override
    public void rowWritten() throws Exception {
      if (out == null) {
        OutputStream file = Files.newOutputStream(this.file);
        out = new BufferedOutputStream(gzip ? new GZIPOutputStream(file, 1 << 16) : file, 1 << 20);
      }
      out.write(row.array(), 0, row.length());
      staged += row.length();
      if (staged >= LOAD_BYTES) {
        load();
      }
    }

    /** Loads what is staged into the table (in the open transaction) and empties the file. */
    void load() throws Exception {
      if (out == null) {
        return;
      }
      out.close();
      out = null;
      if (staged > 0) {
        loader.load(file, table, columns);
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
  }
}
