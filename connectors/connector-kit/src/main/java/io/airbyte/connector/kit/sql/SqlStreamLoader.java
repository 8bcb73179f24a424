package io.airbyte.connector.kit.sql;

import com.fasterxml.jackson.core.JsonParser;
import io.airbyte.connector.kit.destination.StreamLoader;
import io.airbyte.connector.kit.destination.StreamTarget;
import io.airbyte.connector.kit.rows.RowEncoder;
import io.airbyte.connector.kit.typing.AirbyteType;
import io.airbyte.protocol.models.AirbyteRecordMessage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Loads one stream into a SQL table: prepares the table (created or evolved; a truncate refresh's
 * temporary table, see {@link TruncateRefresh}), turns records into rows of the staging's format,
 * merges staged rows into the table for dedup modes before each commit, and finalizes the stream
 * once it completed (swap of a truncate refresh, removal of older generations). Where the dialect
 * {@linkplain SqlDialect#loadsConstantsAsDefaults loads constants as defaults}, rows without changes
 * go to the tables the write owns without {@code _airbyte_meta} and {@code _airbyte_generation_id}
 * (their column defaults, dropped before a temporary table is swapped in).
 */
public final class SqlStreamLoader implements StreamLoader {

  public static final String TMP_SUFFIX = "_airbyte_tmp";
  /** The arrival-order column of a dedup stream's staging table. */
  public static final String SEQ_COLUMN = "_airbyte_seq";
  private static final Logger LOG = Logger.getLogger(SqlStreamLoader.class.getName());

  private final StreamTarget target;
  private final SqlTables tables;
  private final SqlDialect dialect;
  private final Staging staging;
  private final TruncateRefresh refresh;
  private RowEncoder encoder;
  private Staging.TableStage stage;
  // rows without changes, without the two columns the load table's defaults give (null: every row goes to stage)
  private Staging.TableStage constantsStage;
  // the truncate refresh's temporary table while it has those defaults: they are dropped before it is swapped in
  private String defaultsTable;
  private List<String> merge;
  private boolean staged;
  private boolean complete;
  private long recordsSinceState;
  private long recordsWritten;

  public SqlStreamLoader(StreamTarget target, SqlTables tables, Staging staging) {
    this.target = target;
    this.tables = tables;
    this.dialect = tables.dialect();
    this.staging = staging;
    this.refresh = target.truncateRefresh() ? new TruncateRefresh(target, tmpTable(), tables) : null;
  }

  @Override
  public StreamTarget target() {
    return target;
  }

  private String tmpTable() {
    return dialect.withSuffix(target.table(), TMP_SUFFIX);
  }

  /** The table records go to during the sync. */
  private String loadTable() {
    return target.truncateRefresh() ? tmpTable() : target.table();
  }

  /**
   * Creates or evolves the table records go to (a truncate refresh's temporary table keeps the rows
   * earlier attempts of this sync and generation committed: see {@link TruncateRefresh}).
   *
   * @param ordinal the stream's position in the catalog, naming its staging table
   */
  public void prepare(int ordinal) throws Exception {
    tables.ensureSchema(target.schema());
    String loadTable = loadTable();
    if (refresh != null) {
      refresh.prepare();
    }
    List<Map.Entry<String, AirbyteType>> columns = tables.ensureTable(target.schema(), loadTable, target.columns());
    List<String> names = new ArrayList<>(SqlTables.AIRBYTE_COLUMNS);
    columns.forEach(c -> names.add(c.getKey()));
    String columnList = String.join(", ", names.stream().map(dialect::quote).toList());
    String table = dialect.qualified(target.schema(), loadTable);
    encoder = new RowEncoder(staging.format(), columns, target.syncId(), target.generationId(), target.dedup());
    String dataColumns = String.join("", columns.stream().map(c -> ", " + dialect.quote(c.getKey())).toList());
    if (target.dedup()) {
      tables.execute(dialect.keyIndex(target.schema(), loadTable, target.primaryKey()));
      String stageTable = dialect.quote("airbyte_stage_" + ordinal);
      tables.execute(dialect.createStage(stageTable, table));
      tables.execute("ALTER TABLE " + stageTable + " ADD COLUMN IF NOT EXISTS " + SEQ_COLUMN + " "
          + dialect.types().columnType(AirbyteType.INTEGER));
      stage = staging.table(stageTable, columnList + ", " + SEQ_COLUMN);
      merge = dialect.merge(target, stageTable, table, columnList);
      if (dialect.loadsConstantsAsDefaults()) {
        constantsStage = constantsStage(stageTable, dataColumns + ", " + SEQ_COLUMN);
      }
    } else {
      stage = staging.table(table, columnList);
      if (refresh != null && dialect.loadsConstantsAsDefaults()) {
        constantsStage = constantsStage(table, dataColumns);
        defaultsTable = table;
      }
    }
  }

  /**
   * Gives {@code table} (one this write owns) the meta of a row without changes and the generation as
   * defaults, and returns the stage of the rows that leave those two columns to them.
   */
  private Staging.TableStage constantsStage(String table, String dataColumns) throws Exception {
    tables.execute(dialect.setDefault(table, dialect.quote("_airbyte_meta"),
        "'" + encoder.unchangedMeta().replace("'", "''") + "'"));
    tables.execute(dialect.setDefault(table, dialect.quote("_airbyte_generation_id"),
        Long.toString(target.generationId())));
    return staging.table(table, dialect.quote("_airbyte_raw_id") + ", " + dialect.quote("_airbyte_extracted_at")
        + dataColumns);
  }

  @Override
  public void readData(JsonParser parser, byte[] line) throws IOException {
    encoder.readData(parser, ByteBuffer.wrap(line));
  }

  @Override
  public void readRow(io.airbyte.protocol.rows.StreamDeclaration stream, io.airbyte.protocol.rows.CopyTextRow row)
      throws IOException {
    encoder.readRow(stream, row);
  }

  @Override
  public void write(AirbyteRecordMessage record) throws Exception {
    if (complete) {
      LOG.warning("record for " + target.describe() + " after the stream completed: written anyway");
    }
    boolean changed = encoder.prepare(record);
    Staging.TableStage to = changed || constantsStage == null ? stage : constantsStage;
    encoder.write(to.row(), to == constantsStage);
    to.rowWritten();
    staged = target.dedup();
    recordsSinceState++;
    recordsWritten++;
  }

  /** Runs before each commit (the staging has ended its writes): merges staged rows into the table. */
  @Override
  public void beforeCommit() throws Exception {
    if (staged) {
      tables.execute(merge);
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
    constantsStage = null; // the defaults go now: a late record (see write) is written whole
    if (defaultsTable != null) {
      tables.execute(dialect.dropDefault(defaultsTable, dialect.quote("_airbyte_meta")));
      tables.execute(dialect.dropDefault(defaultsTable, dialect.quote("_airbyte_generation_id")));
      defaultsTable = null;
    }
    if (refresh != null) {
      refresh.finish(recordsWritten);
    } else if (target.removesOlderGenerations()) {
      tables.deleteGenerationsBelow(target.schema(), target.table(), target.minimumGenerationId());
    }
  }
}
