package io.airbyte.connectors.destination.postgres;

import static io.airbyte.connectors.destination.postgres.Identifiers.qualified;
import static io.airbyte.connectors.destination.postgres.Identifiers.quote;

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
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Loads one stream: prepares its table, turns records into COPY rows, merges staged rows into the
 * table for dedup modes before each commit, and finalizes the stream once it completed (swap of a
 * truncate refresh, removal of older generations).
 */
final class PostgresStreamLoader implements StreamLoader {

  static final String TMP_SUFFIX = "_airbyte_tmp";
  private static final Logger LOG = Logger.getLogger(PostgresStreamLoader.class.getName());

  private final StreamTarget target;
  private final TableOperations tables;
  private final CopyStream copy;
  private final TruncateRefresh refresh;
  private RowEncoder encoder;
  private String copySql;
  private DedupMerge merge;
  private boolean staged;
  private boolean complete;
  private long recordsSinceState;
  private long recordsWritten;

  PostgresStreamLoader(StreamTarget target, TableOperations tables, CopyStream copy) {
    this.target = target;
    this.tables = tables;
    this.copy = copy;
    this.refresh = target.truncateRefresh() ? new TruncateRefresh(target, tmpTable(), tables) : null;
  }

  @Override
  public StreamTarget target() {
    return target;
  }

  String tmpTable() {
    return Identifiers.withSuffix(target.table(), TMP_SUFFIX);
  }

  /** The table records go to during the sync. */
  String loadTable() {
    return target.truncateRefresh() ? tmpTable() : target.table();
  }

  /**
   * Creates or evolves the table records go to (a truncate refresh's temporary table keeps the rows
   * earlier attempts of this sync and generation committed: see {@link TruncateRefresh}).
   */
  void prepare(int ordinal) throws Exception {
    tables.ensureSchema(target.schema());
    String loadTable = loadTable();
    if (refresh != null) {
      refresh.prepare();
    }
    List<Map.Entry<String, AirbyteType>> columns = tables.ensureTable(target.schema(), loadTable, target.columns());
    List<String> names = new ArrayList<>(TableOperations.AIRBYTE_COLUMNS);
    columns.forEach(c -> names.add(c.getKey()));
    String columnList = String.join(", ", names.stream().map(Identifiers::quote).toList());
    if (target.dedup()) {
      tables.createIndex(target.schema(), loadTable, target.primaryKey());
      String stage = "airbyte_stage_" + ordinal;
      tables.execute("CREATE TEMP TABLE IF NOT EXISTS " + quote(stage) + " (LIKE " + qualified(target.schema(), loadTable)
          + ") ON COMMIT DELETE ROWS");
      tables.execute("ALTER TABLE " + quote(stage) + " ADD COLUMN IF NOT EXISTS _airbyte_seq bigint");
      copySql = "COPY " + quote(stage) + " (" + columnList + ", _airbyte_seq) FROM STDIN";
      merge = new DedupMerge(target, Identifiers::quote, quote(stage), qualified(target.schema(), loadTable), columnList);
    } else {
      copySql = "COPY " + qualified(target.schema(), loadTable) + " (" + columnList + ") FROM STDIN";
    }
    encoder = new RowEncoder(CopyTextFormat.INSTANCE, columns, target.syncId(), target.generationId(), target.dedup());
  }

  @Override
  public void readData(JsonParser parser, byte[] line) throws IOException {
    encoder.readData(parser, ByteBuffer.wrap(line));
  }

  @Override
  public void write(AirbyteRecordMessage record) throws SQLException, IOException {
    if (complete) {
      LOG.warning("record for " + target.describe() + " after the stream completed: written anyway");
    }
    encoder.encode(record, copy.rowsFor(copySql));
    copy.rowWritten();
    staged = target.dedup();
    recordsSinceState++;
    recordsWritten++;
  }

  /** Runs before each commit (the COPY has ended): merges staged rows into the table. */
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
  public long takeRecordsSinceState() {
    long n = recordsSinceState;
    recordsSinceState = 0;
    return n;
  }

  @Override
  public long recordsSinceState() {
    return recordsSinceState;
  }

  @Override
  public boolean complete() {
    return complete;
  }

  /** The stream completed and everything before is committed: make its data final (own transaction). */
  @Override
  public void finish() throws Exception {
    complete = true;
    if (refresh != null) {
      refresh.finish(recordsWritten);
    } else if (target.removesOlderGenerations()) {
      tables.deleteGenerationsBelow(target.schema(), target.table(), target.minimumGenerationId());
    }
  }
}
