package io.airbyte.connectors.destination.duckdb;

import static io.airbyte.connectors.destination.duckdb.DuckDbTables.qualified;
import static io.airbyte.connectors.destination.duckdb.DuckDbTables.quote;

import com.fasterxml.jackson.core.JsonParser;
import io.airbyte.connector.kit.sql.DedupMerge;
import io.airbyte.connector.kit.rows.RowEncoder;
import io.airbyte.connector.kit.destination.StreamLoader;
import io.airbyte.connector.kit.destination.StreamTarget;
import io.airbyte.connector.kit.sql.TruncateRefresh;
import io.airbyte.connector.kit.typing.AirbyteType;
import io.airbyte.protocol.models.AirbyteRecordMessage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One stream into DuckDB: rows staged as CSV, loaded with COPY, merged for dedup, swapped for truncate refreshes. */
final class DuckDbStreamLoader implements StreamLoader {

  static final String TMP_SUFFIX = "_airbyte_tmp";

  private final StreamTarget target;
  private final Connection connection;
  private final DuckDbTables tables;
  private final Path stagingDirectory;
  private final TruncateRefresh refresh;
  private RowEncoder encoder;
  private CsvStage stage;
  private DedupMerge merge;
  private boolean staged;
  private boolean complete;
  private long recordsSinceState;
  private long recordsWritten;

  DuckDbStreamLoader(StreamTarget target, Connection connection, Path stagingDirectory) {
    this.target = target;
    this.connection = connection;
    this.tables = new DuckDbTables(connection);
    this.stagingDirectory = stagingDirectory;
    this.refresh = target.truncateRefresh() ? new TruncateRefresh(target, tmpTable(), tables) : null;
  }

  @Override
  public StreamTarget target() {
    return target;
  }

  private String tmpTable() {
    return target.table() + TMP_SUFFIX;
  }

  private String loadTable() {
    return target.truncateRefresh() ? tmpTable() : target.table();
  }

  /** Creates or evolves the table records go to (a truncate refresh's: see {@link TruncateRefresh}). */
  void prepare(int ordinal) throws Exception {
    tables.ensureSchema(target.schema());
    String loadTable = loadTable();
    if (refresh != null) {
      refresh.prepare();
    }
    List<Map.Entry<String, AirbyteType>> columns = tables.ensureTable(target.schema(), loadTable, target.columns());
    List<String> names = new ArrayList<>(DuckDbTables.AIRBYTE_COLUMNS);
    columns.forEach(c -> names.add(c.getKey()));
    String columnList = String.join(", ", names.stream().map(DuckDbTables::quote).toList());
    if (target.dedup()) {
      String stageTable = "airbyte_stage_" + ordinal;
      tables.execute("CREATE OR REPLACE TEMP TABLE " + quote(stageTable) + " AS SELECT * FROM "
          + qualified(target.schema(), loadTable) + " LIMIT 0");
      tables.execute("ALTER TABLE " + quote(stageTable) + " ADD COLUMN _airbyte_seq BIGINT");
      stage = new CsvStage(stagingDirectory, quote(stageTable) + " (" + columnList + ", _airbyte_seq)");
      merge = new DedupMerge(target, DuckDbTables::quote, quote(stageTable), qualified(target.schema(), loadTable),
          columnList);
    } else {
      stage = new CsvStage(stagingDirectory, qualified(target.schema(), loadTable) + " (" + columnList + ")");
    }
    encoder = new RowEncoder(CsvFormat.INSTANCE, columns, target.syncId(), target.generationId(), target.dedup());
  }

  @Override
  public void readData(JsonParser parser, byte[] line) throws IOException {
    encoder.readData(parser, ByteBuffer.wrap(line));
  }

  @Override
  public void write(AirbyteRecordMessage record) throws IOException, SQLException {
    encoder.encode(record, stage.row());
    stage.rowWritten(connection);
    staged = target.dedup();
    recordsSinceState++;
    recordsWritten++;
  }

  /** Loads the staged file into the table (the transaction ends its writes). */
  void load() throws IOException, SQLException {
    stage.load(connection);
  }

  void discard() throws IOException {
    stage.discard();
  }

  @Override
  public void beforeCommit() throws SQLException {
    if (staged) {
      for (String sql : merge.statements()) {
        tables.execute(sql);
      }
      staged = false;
    }
  }

  @Override
  public void finish() throws Exception {
    complete = true;
    if (refresh != null) {
      refresh.finish(recordsWritten);
    } else if (target.removesOlderGenerations()) {
      tables.deleteGenerationsBelow(target.schema(), target.table(), target.minimumGenerationId());
    }
  }

  @Override
  public boolean complete() {
    return complete;
  }

  @Override
  public long takeRecordsSinceState() {
    long n = recordsSinceState;
    recordsSinceState = 0;
    return n;
  }

  @Override
  public long recordsSinceState() {
    return recordsSinceState;
  }

  void close() throws IOException {
    stage.close();
  }
}
